/* When each data layer is fetched: for the view, whenever it or the filters change, as long as the layer is shown.
 *
 * Each data layer (places, events, claims) has an endpoint, a drawing function and the groups it draws into. A layer
 * whose groups are all switched off in the layer control is not fetched until one is switched back on; a newer fetch
 * of a layer aborts the older one, so only the latest answer is ever drawn.
 */
import { L } from "./folium.js";
import { pathStyles } from "./styles.js";

const BASEMAP_PANE = "atlas-basemap";

/* map, groups: Folium's; state: createState(); status: createStatus(); draw: createDrawing(); urls: config.urls */
export function createLayers(map, groups, state, status, draw, urls) {
  const layers = [
    { name: "places", url: urls.places, draw: draw.places, groups: [groups.points, groups.areas, groups.lines],
      params: () => state.viewParams() },
    { name: "events", url: urls.events, draw: draw.events, groups: [groups.events],
      params: () => state.itemParams("event") },
    { name: "claims", url: urls.claims, draw: draw.claims, groups: [groups.claims],
      params: () => state.itemParams("claim") },
  ];
  const inFlight = new Map(); // layer name -> AbortController of its latest fetch
  const stale = new Set(); // layers skipped while switched off: the view or the filters changed since they were drawn

  function shown(layer) {
    return layer.groups.some((group) => map.hasLayer(group));
  }

  function showLoading() {
    status.loading(inFlight.size > 0);
  }

  function cancel(layer) {
    if (!inFlight.has(layer.name)) return;
    inFlight.get(layer.name).abort();
    inFlight.delete(layer.name);
    stale.add(layer.name);
    showLoading();
  }

  function load(layer) {
    if (inFlight.has(layer.name)) inFlight.get(layer.name).abort();
    const controller = new AbortController();
    inFlight.set(layer.name, controller);
    stale.delete(layer.name);
    showLoading();
    fetch(`${layer.url}?${layer.params()}`, { signal: controller.signal })
      .then((response) => response.json().then((body) => ({ response, body })))
      .then(({ response, body }) => {
        if (!response.ok) throw new Error(body.error || response.statusText);
        if (inFlight.get(layer.name) === controller) layer.draw(body);
      })
      .catch((error) => {
        if (error.name !== "AbortError") status.say(`Could not load ${layer.name}: ${error.message}`);
      })
      .finally(() => {
        if (inFlight.get(layer.name) !== controller) return;
        inFlight.delete(layer.name);
        showLoading();
      });
  }

  return {
    /* The view or the filters changed: write them into the URL and fetch every layer that is shown. */
    loadAll() {
      state.write();
      for (const layer of layers) {
        if (shown(layer)) {
          load(layer);
        } else {
          cancel(layer);
          stale.add(layer.name);
        }
      }
    },

    /* The layer control added or removed a group: a layer switched back on catches up with the view. */
    onOverlayChange(event) {
      for (const layer of layers) {
        if (!layer.groups.includes(event.layer)) continue;
        if (!shown(layer)) cancel(layer);
        else if (stale.has(layer.name)) load(layer);
      }
    },
  };
}

/* The offline basemap's countries, in a pane of their own under everything else (its names, static/map/labels.js,
 * go above it). */
export function loadBasemap(map, group, url) {
  map.createPane(BASEMAP_PANE).classList.add("basemap-pane");
  fetch(url)
    .then((response) => response.json())
    .then((countries) => {
      group.addLayer(L.geoJSON(countries, { pane: BASEMAP_PANE, interactive: false, style: pathStyles().basemap }));
    });
}
