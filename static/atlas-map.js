/* Conflict Atlas map: loads the features of the visible area from the JSON API and keeps the view in the URL.
 *
 * Folium has created the map, its layer control and empty layer groups; their JavaScript names come in
 * #atlas-config. Each data layer is an entry of LAYERS (an endpoint, a drawing function and the groups it draws
 * into); a layer whose groups are all switched off in the layer control is not fetched until one is switched back
 * on. Article text only ever reaches the page through textContent, never as HTML.
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
    events: window[config.names.events],
    claims: window[config.names.claims],
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
    type: document.getElementById("filter-type"),
    stance: document.getElementById("filter-stance"),
    actor: document.getElementById("filter-actor"),
    speaker: document.getElementById("filter-speaker"),
  };
  const ITEM_FILTERS = ["type", "stance", "actor", "speaker"]; // ids filter-<name>, API and URL parameter <name>
  const state = { place: null };

  /* ---- view and filters <-> URL ---- */

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    ui.from.value = params.get("from") || "";
    ui.to.value = params.get("to") || "";
    ui.outlet.value = params.get("outlet") || "";
    for (const name of ITEM_FILTERS) ui[name].value = params.get(name) || "";
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
    const params = itemFilterParams(filterParams(), ITEM_FILTERS);
    const centre = map.getCenter();
    params.set("lat", centre.lat.toFixed(4));
    params.set("lon", wrapLongitude(centre.lng).toFixed(4));
    params.set("z", String(map.getZoom()));
    if (state.place) params.set("place", state.place);
    window.history.replaceState(null, "", `${window.location.pathname}?${params}`);
    const exportParams = itemFilterParams(viewParams(), ITEM_FILTERS); // the export is what the map shows
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

  /* ---- events and claims: an icon per event type and per stance, contested claims ringed in red ---- */

  /* Symbols that common text fonts carry (DejaVu Sans has them all): emoji such as ⛔ or ✊ show as empty boxes where
   * no emoji font is installed. */
  const TYPE_SYMBOLS = { CONSULT: "☎", ASSAULT: "✸", COERCE: "▬", MOBILIZE: "⚑", AGREE: "✓", SANCTION: "⊘",
    RETREAT: "↩", PROTEST: "✪" };
  const STANCE_SYMBOLS = { assert: "❝", accuse: "!", deny: "✗", condemn: "✖", warn: "⚠", "express concern": "?",
    support: "+", propose: "→", reject: "⊗" };

  function itemFilterParams(params, names) {
    for (const name of names) {
      const value = ui[name].value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function sourcesNode(sources) {
    const list = element("ul", "sources");
    for (const source of sources) {
      const item = element("li", "source");
      const link = element("a", null, source.title);
      link.href = `/articles/${encodeURIComponent(source.article_id)}`;
      item.append(link, document.createTextNode(` · ${source.outlet} · ${source.published || "date unknown"}`));
      item.append(element("blockquote", null, source.excerpt));
      list.append(item);
    }
    return list;
  }

  function eventPopup(props) {
    const body = element("div", "item-popup event-popup");
    body.append(element("h3", null, `${props.label} (${props.type})`));
    const when = props.date ? `${props.date} (${props.date_precision})` : "date unknown";
    const where = props.place_name ? `${props.place_name} (where_prec ${props.geo_precision})` : "place unknown";
    body.append(element("p", "kind", `${when} · ${where}`));
    body.append(element("p", "actors", props.actors.map((a) => a.name).join(", ") || "actors unknown"));
    body.append(sourcesNode(props.sources));
    return body;
  }

  function claimPopup(props) {
    const body = element("div", "item-popup claim-popup");
    body.append(element("h3", null, `${props.speaker} — ${props.stance}`));
    if (props.contested_with.length) {
      body.append(element("p", "contested", `Contested by ${props.contested_with.length} opposing claim(s)`));
    }
    body.append(element("p", props.quote ? "quote" : "reported", props.text));
    body.append(sourcesNode(props.sources));
    return body;
  }

  /* Items sit beside their place's dot, not on it (events up-right, claims up-left), so both stay clickable; so do
   * the badges that gather crowded items (see atlas/mapview.py), which a click spreads out around themselves. */
  const ANCHORS = { events: [-24, 46], claims: [46, 46] };

  function itemCluster(kind, symbol, anchor) {
    return (cluster) => {
      const children = cluster.getAllChildMarkers();
      const contested = children.some((marker) => marker.options.contested);
      const count = cluster.getChildCount();
      return L.divIcon({
        className: "",
        html: `<span class="item-cluster ${kind}-cluster${contested ? " contested" : ""}" ` +
          `title="${count} ${kind}s here: click to spread them out">${symbol} ${Number(count)}</span>`,
        iconSize: [34, 22],
        iconAnchor: [anchor[0] + (anchor[0] < 0 ? -12 : 12), anchor[1]],
      });
    };
  }
  groups.events.options.iconCreateFunction = itemCluster("event", "✸", ANCHORS.events);
  groups.claims.options.iconCreateFunction = itemCluster("claim", "❝", ANCHORS.claims);

  function drawItems(group, collection, symbolOf, classOf, titleOf, popup, anchor) {
    group.clearLayers();
    const markers = [];
    for (const feature of collection.features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const icon = L.divIcon({ className: "", iconSize: [22, 22], iconAnchor: anchor });
      const contested = Boolean(feature.properties.contested_with && feature.properties.contested_with.length);
      const marker = L.marker([lat, lon], { icon, riseOnHover: true, contested });
      marker.on("add", () => {
        const node = marker.getElement();
        if (!node) return;
        const badge = element("span", classOf(feature.properties), symbolOf(feature.properties));
        badge.title = titleOf(feature.properties);
        node.replaceChildren(badge);
        node.dataset.itemId = feature.id;
      });
      marker.bindPopup(() => popup(feature.properties), { maxWidth: 360, maxHeight: 320 });
      markers.push(marker);
    }
    group.addLayers(markers);
  }

  function drawEvents(collection) {
    drawItems(groups.events, collection, (p) => TYPE_SYMBOLS[p.type] || "•",
      (p) => `item-icon event-icon event-${p.type.toLowerCase()}`, (p) => `${p.label} (${p.type})`, eventPopup,
      ANCHORS.events);
    ui.status.dataset.events = String(collection.features.length);
  }

  function drawClaims(collection) {
    drawItems(groups.claims, collection, (p) => STANCE_SYMBOLS[p.stance] || "❝",
      (p) => `item-icon claim-icon stance-${p.stance.replace(" ", "-")}${p.contested_with.length ? " contested" : ""}`,
      (p) => `${p.speaker}: ${p.stance}${p.contested_with.length ? " (contested)" : ""}`, claimPopup, ANCHORS.claims);
    ui.status.dataset.claims = String(collection.features.length);
  }

  const LAYERS = [
    { name: "places", endpoint: "/api/places", draw: drawPlaces, groups: [groups.points, groups.areas, groups.lines],
      params: () => viewParams() },
    { name: "events", endpoint: "/api/events", draw: drawEvents, groups: [groups.events],
      params: () => itemFilterParams(viewParams(), ["type", "actor"]) },
    { name: "claims", endpoint: "/api/claims", draw: drawClaims, groups: [groups.claims],
      params: () => itemFilterParams(viewParams(), ["stance", "speaker"]) },
  ];
  const inFlight = new Map(); // layer name -> AbortController of its latest fetch
  const stale = new Set(); // layers skipped while switched off: the view or the filters changed since they were drawn

  function shown(layer) {
    return layer.groups.some((group) => map.hasLayer(group));
  }

  function showLoading() {
    ui.status.dataset.loading = String(inFlight.size > 0);
  }

  function cancel(layer) {
    if (!inFlight.has(layer.name)) return;
    inFlight.get(layer.name).abort();
    inFlight.delete(layer.name);
    stale.add(layer.name);
    showLoading();
  }

  /* A newer fetch of a layer aborts the older one, so only the latest answer is ever drawn. */
  function loadLayer(layer) {
    if (inFlight.has(layer.name)) inFlight.get(layer.name).abort();
    const controller = new AbortController();
    inFlight.set(layer.name, controller);
    stale.delete(layer.name);
    showLoading();
    fetch(`${layer.endpoint}?${layer.params()}`, { signal: controller.signal })
      .then((response) => response.json().then((body) => ({ response, body })))
      .then(({ response, body }) => {
        if (!response.ok) throw new Error(body.error || response.statusText);
        if (inFlight.get(layer.name) === controller) layer.draw(body);
      })
      .catch((error) => {
        if (error.name !== "AbortError") ui.status.textContent = `Could not load ${layer.name}: ${error.message}`;
      })
      .finally(() => {
        if (inFlight.get(layer.name) !== controller) return;
        inFlight.delete(layer.name);
        showLoading();
      });
  }

  function loadLayers() {
    writeUrl();
    for (const layer of LAYERS) {
      if (shown(layer)) {
        loadLayer(layer);
      } else {
        cancel(layer);
        stale.add(layer.name);
      }
    }
  }

  /* The layer control adds and removes the groups: a layer switched back on catches up with the view. */
  function onOverlayChange(event) {
    for (const layer of LAYERS) {
      if (!layer.groups.includes(event.layer)) continue;
      if (!shown(layer)) cancel(layer);
      else if (stale.has(layer.name)) loadLayer(layer);
    }
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
  const itemFilters = ITEM_FILTERS.map((name) => ui[name]);
  for (const input of [ui.from, ui.to, ui.outlet]) input.addEventListener("change", onFilterChange);
  for (const input of itemFilters) input.addEventListener("change", loadLayers);
  ui.clear.addEventListener("click", () => {
    ui.from.value = "";
    ui.to.value = "";
    ui.outlet.value = "";
    for (const input of itemFilters) input.value = "";
    onFilterChange();
  });
  map.on("moveend", loadLayers);
  map.on("overlayadd overlayremove", onOverlayChange);
  loadLayers();
  loadBasemap();
  if (state.place) openPlace(state.place, false);
})();
