/* The offline basemap's names: countries, capitals, towns, seas and provinces, written on the map without overlap.
 *
 * The server sends the names of the view for the zoom in the order they should win room (the countries, units and
 * capitals the store holds first, then by prominence; atlas/web/basemap.py). Each name is laid out as text in a pane
 * of its own, above the basemap and the counts by area and below every data layer, and catches no click (static/
 * atlas.css); then, in that order, each takes the first of its positions whose box, with a margin, meets no box
 * already taken, or is left out. The names are shown with the offline basemap (the tiles of a tile server carry
 * their own).
 */
import { element } from "./dom.js";
import { wrapLongitude } from "./state.js";

export const LABEL_PANE = "atlas-labels";
const MARGIN = 2; // pixels kept free around each name
const FAR_ZOOM = 3; // up to this zoom names are written smaller (static/atlas.css, .label-pane.far), to fit more
const POINT_KINDS = new Set(["capital", "city"]); // written beside their dot; areas' names are centred on their point
// Where a name may go, in order of preference: [class, dx, dy] for a name of box w x h, as fractions of w and h.
const POSITIONS = {
  point: [["right", 0, -0.5], ["left", -1, -0.5], ["above", -0.5, -1.2], ["below", -0.5, 0.2]],
  area: [["centre", -0.5, -0.5], ["above", -0.5, -1.5], ["below", -0.5, 0.5]],
  // a name the store holds (a country, a unit) also tries either side of its point before it gives way
  stored: [["centre", -0.5, -0.5], ["above", -0.5, -1.5], ["below", -0.5, 0.5], ["right", 0.1, -0.5],
    ["left", -1.1, -0.5], ["above", -0.5, -2.5], ["below", -0.5, 1.5]],
};

function overlaps(a, b) {
  return a.left < b.right + MARGIN && b.left < a.right + MARGIN && a.top < b.bottom + MARGIN && b.top < a.bottom + MARGIN;
}

/* map: Folium's; basemap: the offline basemap's group (the names show with it); url: config.urls.labels */
export function createLabels(map, basemap, url) {
  const pane = map.createPane(LABEL_PANE);
  pane.classList.add("label-pane", "leaflet-zoom-hide");
  let labels = [];
  let inFlight = null;

  /* The layer point of a name, in the copy of the world nearest the view's centre. */
  function layerPoint(label) {
    const centre = map.getCenter().lng;
    const lon = centre + wrapLongitude(label.lon - centre);
    return map.latLngToLayerPoint([label.lat, lon]);
  }

  function place() {
    pane.replaceChildren();
    if (!map.hasLayer(basemap)) return;
    pane.classList.toggle("far", map.getZoom() <= FAR_ZOOM);
    const nodes = labels.map((label) => {
      const node = element("span", `map-label label-${label.kind}${label.stored ? " stored" : ""}`, label.name);
      node.dataset.id = label.id;
      pane.append(node);
      return node;
    });
    const sizes = nodes.map((node) => [node.offsetWidth, node.offsetHeight]); // one layout for every name
    const pixels = map.getPixelBounds();
    const origin = map.getPixelOrigin();
    const view = { min: pixels.min.subtract(origin), max: pixels.max.subtract(origin) }; // in layer points
    const taken = [];
    labels.forEach((label, index) => {
      const [width, height] = sizes[index];
      const point = layerPoint(label);
      const positions = POSITIONS[POINT_KINDS.has(label.kind) ? "point" : label.stored ? "stored" : "area"];
      const fits = positions.map(([side, dx, dy]) => {
        const left = Math.round(point.x + dx * width);
        const top = Math.round(point.y + dy * height);
        return { side, left, top, right: left + width, bottom: top + height };
      }).find((box) => box.right > view.min.x && box.left < view.max.x && box.bottom > view.min.y
        && box.top < view.max.y && !taken.some((other) => overlaps(box, other)));
      const node = nodes[index];
      if (!fits) {
        node.remove();
        return;
      }
      taken.push(fits);
      node.classList.add(`at-${fits.side}`);
      node.style.left = `${fits.left}px`;
      node.style.top = `${fits.top}px`;
    });
  }

  function load() {
    if (inFlight) inFlight.abort();
    if (!map.hasLayer(basemap)) {
      place();
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    const b = map.getBounds();
    const wide = b.getEast() - b.getWest() >= 360;
    const bbox = [wide ? -180 : wrapLongitude(b.getWest()), Math.max(-90, b.getSouth()),
      wide ? 180 : wrapLongitude(b.getEast()), Math.min(90, b.getNorth())].map((v) => v.toFixed(3));
    if (!wide && Number(bbox[2]) === -180) bbox[2] = "180.000";
    const params = new URLSearchParams({ bbox: bbox.join(","), z: String(map.getZoom()) });
    fetch(`${url}?${params}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { labels: [] }))
      .then((body) => {
        if (inFlight !== controller) return;
        labels = body.labels;
        place();
      })
      .catch((error) => {
        if (error.name !== "AbortError") throw error;
      });
  }

  map.on("zoomend viewreset", place); // the layer points moved: place the names again while the view's load
  map.on("moveend", load);
  map.on("overlayadd overlayremove", (event) => {
    if (event.layer === basemap) load();
  });
  return { load };
}
