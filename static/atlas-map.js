/* Conflict Atlas map: loads the features of the visible area from the JSON API and keeps the view in the URL.
 *
 * Folium has created the map, its layer control and empty layer groups (folium.js finds them); #atlas-config holds
 * everything else the script knows of the server (config.js). The modules, in static/map/:
 *   state.js    the view and filters <-> the URL; the parameters of every request; the export links
 *   filters.js  the filter form and the place search
 *   layers.js   which layers are fetched when; draw.js draws them, with symbols.js and styles.js
 *   panel.js    the status line, a place's excerpts, the popups of events and claims
 *   labels.js   the offline basemap's names; choropleth.js the counts by area
 *   list.js     the list beside the map: the items in view and those with no place
 *   timeline.js the counts per day or week under the map, the period chosen on it, play
 * Article text only ever reaches the page as text (dom.js), never as HTML.
 */
import { createChoropleth } from "./map/choropleth.js";
import { readConfig } from "./map/config.js";
import { createDrawing } from "./map/draw.js";
import { createFilters, createSearch } from "./map/filters.js";
import { foliumObjects } from "./map/folium.js";
import { createLabels } from "./map/labels.js";
import { createLayers, loadBasemap } from "./map/layers.js";
import { createList } from "./map/list.js";
import { createPanel, createStatus } from "./map/panel.js";
import { createState } from "./map/state.js";
import { createTimeline } from "./map/timeline.js";

const config = readConfig();
const { map, groups } = foliumObjects(config.names);
const filters = createFilters();
const state = createState(map, filters, config);
const status = createStatus();
const panel = createPanel(map, state, config.urls, config.thresholds);
const drawing = createDrawing(groups, status, panel, state, config.thresholds);
const list = createList(map, state, config.urls, config.thresholds, panel, drawing);
panel.extendPlace((placeId) => list.contestedAbout(placeId));
const layers = createLayers(map, groups, state, status, {
  places: drawing.places,
  events: (collection) => { drawing.events(collection); list.events(collection); },
  claims: (collection) => { drawing.claims(collection); list.claims(collection); panel.refreshPlace(); },
}, config.urls);
createSearch(config.urls.search, (placeId) => panel.open(placeId, true));
const counts = createChoropleth(map, groups.counts, state, config.urls.counts);

/* The view moved: the layers and the timeline follow it. */
function onViewChange() {
  layers.loadAll();
  timeline.load();
}

/* Any filter changed: the items with no place and the counts by area too. */
function onFilterChange() {
  onViewChange();
  list.loadUnplaced();
  counts.refresh();
}

/* The dates and the outlet filter the open place's excerpts too. */
function onViewFilterChange() {
  onFilterChange();
  if (state.place) panel.open(state.place, false);
}

const timeline = createTimeline(config.urls, state, (from, to) => {
  filters.setDates(from, to);
  onViewFilterChange();
});

state.read();
filters.listen(onViewFilterChange, onFilterChange);
map.on("moveend", onViewChange);
map.on("overlayadd overlayremove", (event) => {
  layers.onOverlayChange(event);
  for (const layer of ["events", "claims"]) {
    if (event.layer === groups[layer]) (event.type === "overlayadd" ? list.show : list.hide)(layer);
  }
});
for (const layer of ["events", "claims"]) {
  if (!map.hasLayer(groups[layer])) list.hide(layer);
}
onFilterChange();
if (config.basemap) {
  loadBasemap(map, groups.basemap, config.urls.basemap);
  createLabels(map, groups.basemap, config.urls.labels).load();
}
if (state.place) panel.open(state.place, false);
