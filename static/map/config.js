/* The page's config, #atlas-config, built by page_config in atlas/web/views.py: Folium's variable names, every URL
 * the script calls, the filter vocabulary, the feature limit and whether the offline basemap exists. */

const ID = "{id}";

export function readConfig() {
  return JSON.parse(document.getElementById("atlas-config").textContent);
}

/* The URL of one record from its template in config.urls: the id, percent-encoded, goes where `{id}` is. */
export function urlWithId(template, id) {
  return template.replace(ID, () => encodeURIComponent(id));
}
