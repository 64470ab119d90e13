/* Conflict Atlas map: loads the features of the visible area from the JSON API and keeps the view in the URL.
 *
 * Folium has created the map, its layer control and empty layer groups (folium.js finds them); #atlas-config holds
 * everything else the script knows of the server (config.js). The modules, in static/map/:
 *   state.js    the view and filters <-> the URL; the parameters of every request; the export links
 *   filters.js  the filter form and the place search
 *   layers.js   which layers are fetched when; draw.js draws them, with symbols.js and styles.js
 *   panel.js    the status line, a place's excerpts, the popups of events and claims
 *   labels.js   the offline basemap's names; choropleth.js the counts by area
 * Article text only ever reaches the page as text (dom.js), never as HTML.
 */
import { createChoropleth } from "./map/choropleth.js";
import { readConfig } from "./map/config.js";
import { createDrawing } from "./map/draw.js";
import { createFilters, createSearch } from "./map/filters.js";
import { foliumObjects } from "./map/folium.js";
import { createLabels } from "./map/labels.js";
import { createLayers, loadBasemap } from "./map/layers.js";
import { createPanel, createStatus } from "./map/panel.js";
import { createState } from "./map/state.js";

const config = readConfig();
const { map, groups } = foliumObjects(config.names);
const filters = createFilters();
const state = createState(map, filters, config);
const status = createStatus();
const panel = createPanel(map, state, config.urls, config.thresholds);
const drawing = createDrawing(groups, status, panel, state, config.thresholds);
const layers = createLayers(map, groups, state, status, drawing, config.urls);
createSearch(config.urls.search, (placeId) => panel.open(placeId, true));
const counts = createChoropleth(map, groups.counts, state, config.urls.counts);

/* The dates and the outlet filter the open place's excerpts too. */
function onViewFilterChange() {
  layers.loadAll();
  counts.refresh();
  if (state.place) panel.open(state.place, false);
}

state.read();
filters.listen(onViewFilterChange, () => {
  layers.loadAll();
  counts.refresh();
});
map.on("moveend", () => layers.loadAll());
map.on("overlayadd overlayremove", (event) => layers.onOverlayChange(event));
layers.loadAll();
if (config.basemap) {
  loadBasemap(map, groups.basemap, config.urls.basemap);
  createLabels(map, groups.basemap, config.urls.labels).load();
}
if (state.place) panel.open(state.place, false);
