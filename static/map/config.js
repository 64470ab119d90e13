/* The page's config, #atlas-config, built by page_config in atlas/web/views.py: Folium's variable names, every URL
 * the script calls, the filter vocabulary, the feature limit, whether the offline basemap exists and each item
 * layer's confidence threshold. */

const ID = "{id}";

export function readConfig() {
  return JSON.parse(document.getElementById("atlas-config").textContent);
}

/* The URL of one record from its template in config.urls: the id, percent-encoded, goes where `{id}` is. */
export function urlWithId(template, id) {
  return template.replace(ID, () => encodeURIComponent(id));
}

/* An event or claim less sure than its layer's threshold (config.thresholds, keyed by properties.layer) is
 * uncertain: hidden unless "Show uncertain" is ticked, and marked as such when shown. */
export function isUncertain(thresholds, props) {
  return props.confidence < thresholds[props.layer];
}
