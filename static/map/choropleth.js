/* Counts by area: an optional layer (off by default in the layer control) colouring countries or first-level units
 * by how many events, claims or mentions they hold under the current filters, with a legend.
 *
 * The server counts and classes them (GET /api/counts, atlas/web/areas.py); this module draws the areas it sends
 * in a pane under the basemap's names and every data layer, and writes its classes in the legend, whose two menus
 * choose what is counted and by which areas. The colours of the classes are static/atlas.css's --map-count-1 to -5.
 */
import { element } from "./dom.js";
import { L } from "./folium.js";

export const COUNTS_PANE = "atlas-counts";
const PALETTE = 5; // --map-count-1 .. --map-count-5, lightest first
const BY = [["country", "countries"], ["admin1", "provinces and states"]];
const LAYERS = [["events", "Events"], ["claims", "Claims"], ["mentions", "Mentions"]];

/* Class `index` of `count` classes -> one of the palette's colours, spread over it. */
function paletteIndex(index, count) {
  return count <= 1 ? PALETTE : 1 + Math.round((index * (PALETTE - 1)) / (count - 1));
}

function colour(index) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--map-count-${index}`).trim();
}

function menu(id, text, options) {
  const label = element("label", "legend-menu", `${text} `);
  const select = element("select");
  select.id = id;
  for (const [value, name] of options) {
    const option = element("option", null, name);
    option.value = value;
    select.append(option);
  }
  label.append(select);
  return { label, select };
}

/* map, group: Folium's map and the layer's group; state: createState(); url: config.urls.counts */
export function createChoropleth(map, group, state, url) {
  map.createPane(COUNTS_PANE).classList.add("counts-pane");
  const legend = L.control({ position: "bottomright" });
  const box = element("section", "counts-legend leaflet-bar");
  box.id = "counts-legend";
  box.setAttribute("aria-label", "Counts by area");
  const layerMenu = menu("counts-layer", "Count", LAYERS);
  const byMenu = menu("counts-by", "by", BY);
  const list = element("ol", "counts-classes");
  const note = element("p", "counts-note");
  box.append(layerMenu.label, byMenu.label, list, note);
  L.DomEvent.disableClickPropagation(box);
  L.DomEvent.disableScrollPropagation(box);
  legend.onAdd = () => box;
  let inFlight = null;

  function params() {
    const layer = layerMenu.select.value;
    const query = layer === "mentions" ? state.filterParams() : state.itemParams(layer.slice(0, -1));
    query.delete("bbox"); // every area, whatever the view: panning keeps the counts
    query.delete("limit");
    query.set("by", byMenu.select.value);
    query.set("layer", layer);
    return query;
  }

  function draw(body) {
    group.clearLayers();
    const classes = body.classes;
    const classOf = (count) => classes.findIndex((c) => c.from <= count && count <= c.to);
    group.addLayer(L.geoJSON(body, {
      pane: COUNTS_PANE,
      interactive: false,
      style: (feature) => ({
        fillColor: colour(paletteIndex(classOf(feature.properties.count), classes.length)),
        fillOpacity: 0.75, color: "#fff", weight: 0.6,
      }),
    }));
    list.replaceChildren(...classes.map((c, index) => {
      const row = element("li", "counts-class");
      const swatch = element("span", "swatch");
      swatch.style.background = colour(paletteIndex(index, classes.length));
      const range = c.from === c.to ? `${c.from}` : `${c.from}–${c.to}`;
      row.dataset.from = c.from;
      row.dataset.to = c.to;
      row.dataset.areas = c.areas;
      row.append(swatch, element("span", null, `${range} (${c.areas} ${c.areas === 1 ? "area" : "areas"})`));
      return row;
    }));
    if (!classes.length) list.append(element("li", "counts-empty", "nothing to count with these filters"));
    note.textContent = `${body.counted} counted` +
      (body.not_counted ? `; ${body.not_counted} at no place or a larger one (a sea, a region)` : "");
    box.dataset.loading = "false";
  }

  function load() {
    if (inFlight) inFlight.abort();
    const controller = new AbortController();
    inFlight = controller;
    box.dataset.loading = "true";
    fetch(`${url}?${params()}`, { signal: controller.signal })
      .then((response) => response.json().then((body) => ({ response, body })))
      .then(({ response, body }) => {
        if (inFlight !== controller) return;
        if (!response.ok) throw new Error(body.error || response.statusText);
        draw(body);
      })
      .catch((error) => {
        if (error.name === "AbortError") return;
        note.textContent = `Could not count: ${error.message}`;
        box.dataset.loading = "false";
      });
  }

  layerMenu.select.addEventListener("change", load);
  byMenu.select.addEventListener("change", load);
  map.on("overlayadd", (event) => {
    if (event.layer !== group) return;
    legend.addTo(map);
    load();
  });
  map.on("overlayremove", (event) => {
    if (event.layer !== group) return;
    if (inFlight) inFlight.abort();
    legend.remove();
  });

  return {
    /* The filters changed: count again if the layer is shown. */
    refresh() {
      if (map.hasLayer(group)) load();
    },
  };
}
