/* The view (centre, zoom, filters, open place) <-> the page's query string, so that a link shares what the reader
 * sees; the parameters each request sends for the view; and the export links, which download what the map shows. */
import { CLAIM_FILTERS, EVENT_FILTERS, ITEM_FILTERS, VIEW_FILTERS } from "./filters.js";

export function wrapLongitude(lon) {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/* The visible area as the API wants it; a view wider than the world asks for the whole world. */
function bboxParam(map) {
  const b = map.getBounds();
  const south = Math.max(-90, b.getSouth()).toFixed(4);
  const north = Math.min(90, b.getNorth()).toFixed(4);
  if (b.getEast() - b.getWest() >= 360) return `-180,${south},180,${north}`;
  const west = wrapLongitude(b.getWest()).toFixed(4);
  let east = wrapLongitude(b.getEast()).toFixed(4);
  if (Number(east) === -180) east = "180.0000";
  return `${west},${south},${east},${north}`;
}

/* config: the page's config (its limit, urls and thresholds); filters: createFilters() */
export function createState(map, filters, config) {
  const exportGeojson = document.getElementById("export-geojson");
  const exportCsv = document.getElementById("export-csv");
  const exportGpkg = document.getElementById("export-gpkg");

  /* Unless "Show uncertain" is ticked, only items at least as sure as their layer's default threshold. */
  function confident(params) {
    if (!filters.showUncertain()) params.set("min_confidence", "default");
    return params;
  }

  const state = {
    place: null, // the id of the place open in the side panel

    read() {
      const params = new URLSearchParams(window.location.search);
      filters.read(params);
      state.place = params.get("place");
    },

    /* The dates and outlet: what the side panel's excerpts are filtered by. */
    filterParams() {
      return filters.addTo(new URLSearchParams(), VIEW_FILTERS);
    },

    /* What a layer is fetched with: the filters, the visible area, the limit, then the item filters `items`. */
    viewParams(items = []) {
      const params = state.filterParams();
      params.set("bbox", bboxParam(map));
      params.set("limit", String(config.limit));
      return filters.addTo(params, items);
    },

    /* What an item layer ("event" or "claim") is fetched with: the view, its filters and, unless the uncertain are
     * shown, its layer's default threshold (applied by the server). */
    itemParams(layer) {
      return confident(state.viewParams(layer === "event" ? EVENT_FILTERS : CLAIM_FILTERS));
    },

    /* What the timeline counts: every layer of the visible area under every filter but the dates, which it shows. */
    timelineParams() {
      const params = confident(state.viewParams(ITEM_FILTERS));
      for (const name of ["from", "to", "limit"]) params.delete(name);
      return params;
    },

    /* What the list's items with no place are fetched with: an item layer's filters, with no area. */
    unplacedParams(layer) {
      const params = state.itemParams(layer);
      params.delete("bbox");
      params.set("unplaced", "true");
      return params;
    },

    write() {
      const params = filters.addUncertainTo(filters.addTo(state.filterParams(), ITEM_FILTERS));
      const centre = map.getCenter();
      params.set("lat", centre.lat.toFixed(4));
      params.set("lon", wrapLongitude(centre.lng).toFixed(4));
      params.set("z", String(map.getZoom()));
      if (state.place) params.set("place", state.place);
      window.history.replaceState(null, "", `${window.location.pathname}?${params}`);
      const exportParams = confident(state.viewParams(ITEM_FILTERS));
      exportGeojson.href = `${config.urls.export_geojson}?${exportParams}`;
      exportCsv.href = `${config.urls.export_csv}?${exportParams}`;
      exportGpkg.href = `${config.urls.export_gpkg}?${exportParams}`;
    },
  };
  return state;
}
