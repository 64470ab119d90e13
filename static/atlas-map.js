/* Conflict Atlas map: loads the features of the visible area from the JSON API and keeps the view in the URL.
 *
 * Folium has created the map and empty layer groups; their JavaScript names come in #atlas-config. Each data layer
 * is an entry of LAYERS (an endpoint and a drawing function), so the events and claims layers of a later stage
 * slot in beside "places". Article text only ever reaches the page through textContent, never as HTML.
 */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("atlas-config").textContent);
  const map = window[config.names.map];
  const groups = {
    basemap: window[config.names.basemap],
    areas: window[config.names.areas],
    lines: window[config.names.lines],
    points: window[config.names.points],
  };
  const ui = {
    from: document.getElementById("filter-from"),
    to: document.getElementById("filter-to"),
    outlet: document.getElementById("filter-outlet"),
    clear: document.getElementById("filter-clear"),
    status: document.getElementById("status"),
    panel: document.getElementById("panel-body"),
    search: document.getElementById("search"),
    searchInput: document.getElementById("search-input"),
    searchResults: document.getElementById("search-results"),
    exportGeojson: document.getElementById("export-geojson"),
    exportCsv: document.getElementById("export-csv"),
  };
  const state = { place: null, loads: 0 };

  /* ---- view and filters <-> URL ---- */

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    ui.from.value = params.get("from") || "";
    ui.to.value = params.get("to") || "";
    ui.outlet.value = params.get("outlet") || "";
    state.place = params.get("place");
  }

  function filterParams() {
    const params = new URLSearchParams();
    if (ui.from.value) params.set("from", ui.from.value);
    if (ui.to.value) params.set("to", ui.to.value);
    if (ui.outlet.value) params.set("outlet", ui.outlet.value);
    return params;
  }

  function wrapLongitude(lon) {
    return ((((lon + 180) % 360) + 360) % 360) - 180;
  }

  /* The visible area as the API wants it; a view wider than the world asks for the whole world. */
  function bboxParam() {
    const b = map.getBounds();
    const south = Math.max(-90, b.getSouth()).toFixed(4);
    const north = Math.min(90, b.getNorth()).toFixed(4);
    if (b.getEast() - b.getWest() >= 360) return `-180,${south},180,${north}`;
    const west = wrapLongitude(b.getWest()).toFixed(4);
    let east = wrapLongitude(b.getEast()).toFixed(4);
    if (Number(east) === -180) east = "180.0000";
    return `${west},${south},${east},${north}`;
  }

  function viewParams() {
    const params = filterParams();
    params.set("bbox", bboxParam());
    params.set("limit", String(config.limit));
    return params;
  }

  function writeUrl() {
    const params = filterParams();
    const centre = map.getCenter();
    params.set("lat", centre.lat.toFixed(4));
    params.set("lon", wrapLongitude(centre.lng).toFixed(4));
    params.set("z", String(map.getZoom()));
    if (state.place) params.set("place", state.place);
    window.history.replaceState(null, "", `${window.location.pathname}?${params}`);
    const exportParams = viewParams();
    ui.exportGeojson.href = `/export.geojson?${exportParams}`;
    ui.exportCsv.href = `/export.csv?${exportParams}`;
  }

  /* ---- data layers ---- */

  function markerSize(count) {
    return Math.round(Math.min(46, 16 + 7 * Math.log2(count)));
  }

  function drawPlaces(collection) {
    groups.points.clearLayers();
    groups.areas.clearLayers();
    groups.lines.clearLayers();
    const markers = [];
    for (const feature of collection.features) {
      const props = feature.properties;
      const size = markerSize(props.mention_count);
      const icon = L.divIcon({
        className: "",
        html: `<span class="place-dot${feature.id === state.place ? " selected" : ""}" ` +
          `style="width:${size}px;height:${size}px">${Number(props.mention_count)}</span>`,
        iconSize: [size, size],
      });
      const marker = L.marker([props.lat, props.lon], { icon, title: props.name, alt: props.name, riseOnHover: true });
      marker.on("add", () => {
        const element = marker.getElement();
        if (element) element.dataset.placeId = feature.id;
      });
      marker.on("click", () => openPlace(feature.id, false));
      markers.push(marker);
      const type = feature.geometry.type;
      if (type === "Point" || type === "MultiPoint") continue;
      const isLine = type.endsWith("LineString");
      const shape = L.geoJSON(feature, {
        style: isLine
          ? { color: "#b4501e", weight: 4, opacity: 0.85, dashArray: "6 4" }
          : { color: "#5b6f86", weight: 1, fillColor: "#7d93ad", fillOpacity: 0.12 },
      });
      shape.bindTooltip(props.name, { sticky: true });
      shape.on("click", () => openPlace(feature.id, false));
      (isLine ? groups.lines : groups.areas).addLayer(shape);
    }
    groups.points.addLayers(markers);
    const mentions = collection.features.reduce((sum, f) => sum + f.properties.mention_count, 0);
    ui.status.textContent = `${collection.features.length} place(s), ${mentions} mention(s) in view`;
    ui.status.dataset.places = String(collection.features.length);
  }

  const LAYERS = [{ name: "places", endpoint: "/api/places", draw: drawPlaces }];
  const inFlight = new Map();

  function loadLayers() {
    writeUrl();
    const params = viewParams();
    const load = ++state.loads;
    ui.status.dataset.loading = "true";
    const pending = LAYERS.map((layer) => {
      if (inFlight.has(layer.name)) inFlight.get(layer.name).abort();
      const controller = new AbortController();
      inFlight.set(layer.name, controller);
      return fetch(`${layer.endpoint}?${params}`, { signal: controller.signal })
        .then((response) => response.json().then((body) => ({ response, body })))
        .then(({ response, body }) => {
          if (!response.ok) throw new Error(body.error || response.statusText);
          if (load === state.loads) layer.draw(body);
        });
    });
    Promise.all(pending)
      .then(() => {
        if (load === state.loads) ui.status.dataset.loading = "false";
      })
      .catch((error) => {
        if (error.name === "AbortError") return;
        ui.status.textContent = `Could not load places: ${error.message}`;
        ui.status.dataset.loading = "false";
      });
  }

  /* ---- the panel of excerpts ---- */

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function excerptNode(mention) {
    const quote = element("blockquote");
    const from = mention.start - mention.excerpt_start;
    const to = mention.end - mention.excerpt_start;
    quote.append(document.createTextNode(mention.excerpt.slice(0, from)));
    quote.append(element("mark", null, mention.excerpt.slice(from, to)));
    quote.append(document.createTextNode(mention.excerpt.slice(to)));
    return quote;
  }

  function showPlace(feature) {
    const props = feature.properties;
    const body = document.createDocumentFragment();
    body.append(element("h2", null, props.name));
    const kind = `${props.kind}${props.approximate ? " (approximate outline)" : ""} · ` +
      `${props.mention_count} mention(s) in ${props.article_count} article(s)`;
    body.append(element("p", "kind", kind));
    for (const mention of props.mentions) {
      const item = element("section", "excerpt");
      item.dataset.articleId = String(mention.article_id);
      const source = element("div", "source");
      const link = element("a", null, mention.title);
      link.href = `/articles/${encodeURIComponent(mention.article_id)}#mention-${encodeURIComponent(mention.start)}`;
      source.append(link, document.createTextNode(` · ${mention.outlet} · ${mention.published || "date unknown"}`));
      item.append(source, excerptNode(mention));
      body.append(item);
    }
    ui.panel.replaceChildren(body);
  }

  function openPlace(placeId, zoomTo) {
    state.place = placeId;
    writeUrl();
    const params = filterParams();
    fetch(`/api/places/${encodeURIComponent(placeId)}?${params}`)
      .then((response) => response.json().then((body) => ({ response, body })))
      .then(({ response, body }) => {
        if (!response.ok) {
          ui.panel.replaceChildren(element("p", "hint", body.error));
          return;
        }
        const feature = body.features[0];
        showPlace(feature);
        if (zoomTo) {
          const bounds = L.geoJSON(feature).getBounds();
          if (feature.geometry.type === "Point") map.setView(bounds.getCenter(), Math.max(map.getZoom(), 8));
          else map.fitBounds(bounds, { maxZoom: 9 });
        }
      });
  }

  /* ---- search ---- */

  function showResults(results) {
    ui.searchResults.replaceChildren();
    for (const result of results) {
      const button = element("button", null, `${result.name} (${result.kind}, ${result.mention_count})`);
      button.type = "button";
      button.addEventListener("click", () => {
        ui.searchResults.hidden = true;
        openPlace(result.id, true);
      });
      const item = element("li");
      item.append(button);
      ui.searchResults.append(item);
    }
    if (!results.length) ui.searchResults.append(element("li", "hint", "No place of that name on the map"));
    ui.searchResults.hidden = false;
  }

  ui.search.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.searchInput.value.trim();
    if (!text) return;
    fetch(`/api/search?q=${encodeURIComponent(text)}`)
      .then((response) => response.json())
      .then((body) => {
        const results = body.results || [];
        if (results.length === 1) {
          ui.searchResults.hidden = true;
          openPlace(results[0].id, true);
        } else {
          showResults(results);
        }
      });
  });

  /* ---- wiring ---- */

  function loadBasemap() {
    if (!config.basemap) return;
    fetch("/basemap.geojson")
      .then((response) => response.json())
      .then((countries) => {
        groups.basemap.addLayer(L.geoJSON(countries, {
          interactive: false,
          style: { color: "#9aa5b1", weight: 0.8, fillColor: "#eef1f4", fillOpacity: 1 },
        }));
        groups.basemap.bringToBack();
      });
  }

  function onFilterChange() {
    loadLayers();
    if (state.place) openPlace(state.place, false);
  }

  readUrl();
  map.getContainer().style.background = "#cfe0ef";
  for (const input of [ui.from, ui.to, ui.outlet]) input.addEventListener("change", onFilterChange);
  ui.clear.addEventListener("click", () => {
    ui.from.value = "";
    ui.to.value = "";
    ui.outlet.value = "";
    onFilterChange();
  });
  map.on("moveend", loadLayers);
  loadLayers();
  loadBasemap();
  if (state.place) openPlace(state.place, false);
})();
