/* Draws what the API sends into Folium's layer groups: a dot per place, sized by its mentions, with its outline or
 * line on the canvas; an icon per event and per claim beside its place's dot, contested claims ringed in red,
 * uncertain items (shown when "Show uncertain" is ticked) faded with a dashed edge; and a badge (see
 * atlas/web/mapview.py) where a layer's items crowd, which a click spreads out around itself.
 *
 * The icons' HTML strings carry numbers and fixed words only; article text goes in as text (dom.js).
 */
import { isUncertain } from "./config.js";
import { element } from "./dom.js";
import { L } from "./folium.js";
import { LAYER_SYMBOLS, eventSymbol, stanceSymbol } from "./symbols.js";
import {
  ITEM_ANCHORS, ITEM_BADGE_SHIFT, PLACE_DOT, POPUP, itemBadgeSize, itemIconSize, pathStyles,
} from "./styles.js";

function dotSize(count) {
  return Math.round(Math.min(PLACE_DOT.max, PLACE_DOT.min + PLACE_DOT.perDoubling * Math.log2(count)));
}

/* The badge of a layer's crowded items: its symbol, how many, and a red ring when a contested claim is inside. */
function itemBadge(kind, symbol, anchor) {
  return (cluster) => {
    const children = cluster.getAllChildMarkers();
    const contested = children.some((marker) => marker.options.contested);
    const count = cluster.getChildCount();
    return L.divIcon({
      className: "",
      html: `<span class="item-cluster ${kind}-cluster${contested ? " contested" : ""}" ` +
        `title="${count} ${kind}s here: click to spread them out">${symbol} ${Number(count)}</span>`,
      iconSize: itemBadgeSize(),
      iconAnchor: [anchor[0] + (anchor[0] < 0 ? -ITEM_BADGE_SHIFT : ITEM_BADGE_SHIFT), anchor[1]],
    });
  };
}

/* How an event or a claim looks: its icon's symbol, classes and title, and its popup. */
function eventLook(panel) {
  return {
    symbol: (p) => eventSymbol(p.type),
    className: (p) => `item-icon event-icon event-${p.type.toLowerCase()}`,
    title: (p) => `${p.label} (${p.type})`,
    popup: panel.eventPopup,
  };
}

function claimLook(panel) {
  const contested = (p) => p.contested_with.length;
  return {
    symbol: (p) => stanceSymbol(p.stance),
    className: (p) => `item-icon claim-icon stance-${p.stance.replace(" ", "-")}${contested(p) ? " contested" : ""}`,
    title: (p) => `${p.speaker}: ${p.stance}${contested(p) ? " (contested)" : ""}`,
    popup: panel.claimPopup,
  };
}

/* groups: Folium's layer groups; status: createStatus(); panel: createPanel(); state: createState(); thresholds:
 * config.thresholds. Returns a drawing function per data layer, each taking the layer's FeatureCollection. */
export function createDrawing(groups, status, panel, state, thresholds) {
  const drawn = new Map(); // an event's or claim's feature id -> [its marker, its layer group], for the list
  groups.events.options.iconCreateFunction = itemBadge("event", LAYER_SYMBOLS.events, ITEM_ANCHORS.events);
  groups.claims.options.iconCreateFunction = itemBadge("claim", LAYER_SYMBOLS.claims, ITEM_ANCHORS.claims);

  function places(collection) {
    groups.points.clearLayers();
    groups.areas.clearLayers();
    groups.lines.clearLayers();
    const styles = pathStyles();
    const markers = [];
    for (const feature of collection.features) {
      const props = feature.properties;
      const size = dotSize(props.mention_count);
      const icon = L.divIcon({
        className: "",
        html: `<span class="place-dot${feature.id === state.place ? " selected" : ""}" ` +
          `style="width:${size}px;height:${size}px">${Number(props.mention_count)}</span>`,
        iconSize: [size, size],
      });
      const marker = L.marker([props.lat, props.lon], { icon, title: props.name, alt: props.name, riseOnHover: true });
      marker.on("add", () => {
        const node = marker.getElement();
        if (node) node.dataset.placeId = feature.id;
      });
      marker.on("click", () => panel.open(feature.id, false));
      markers.push(marker);
      const type = feature.geometry.type;
      if (type === "Point" || type === "MultiPoint") continue;
      const isLine = type.endsWith("LineString");
      const shape = L.geoJSON(feature, { style: isLine ? styles.line : styles.area });
      shape.bindTooltip(props.name, { sticky: true });
      shape.on("click", () => panel.open(feature.id, false));
      (isLine ? groups.lines : groups.areas).addLayer(shape);
    }
    groups.points.addLayers(markers);
    const mentions = collection.features.reduce((sum, f) => sum + f.properties.mention_count, 0);
    status.say(`${collection.features.length} place(s), ${mentions} mention(s) in view`);
    status.count("places", collection.features.length);
  }

  function items(group, collection, look, anchor) {
    group.clearLayers();
    for (const [id, [, owner]] of drawn) if (owner === group) drawn.delete(id);
    const size = itemIconSize();
    const markers = [];
    for (const feature of collection.features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const icon = L.divIcon({ className: "", iconSize: size, iconAnchor: anchor });
      const contested = Boolean(feature.properties.contested_with && feature.properties.contested_with.length);
      const marker = L.marker([lat, lon], { icon, riseOnHover: true, contested });
      marker.on("add", () => {
        const node = marker.getElement();
        if (!node) return;
        const props = feature.properties;
        const uncertain = isUncertain(thresholds, props);
        const badge = element("span", `${look.className(props)}${uncertain ? " uncertain" : ""}`, look.symbol(props));
        badge.title = `${look.title(props)}${uncertain ? ` (uncertain, confidence ${props.confidence})` : ""}`;
        node.replaceChildren(badge);
        node.dataset.itemId = feature.id;
      });
      marker.bindPopup(() => look.popup(feature.properties), POPUP);
      markers.push(marker);
      drawn.set(feature.id, [marker, group]);
    }
    group.addLayers(markers);
  }

  const events = eventLook(panel);
  const claims = claimLook(panel);
  /* Marks an item on the map (on: true) or unmarks it: its icon, or the badge that gathers it at this zoom. */
  function highlight(id, on) {
    if (!drawn.has(id)) return;
    const [marker, group] = drawn.get(id);
    const shown = group.getVisibleParent(marker);
    const node = shown && shown.getElement();
    if (node) node.classList.toggle("highlighted", on);
  }

  return {
    places,
    highlight,
    events(collection) {
      items(groups.events, collection, events, ITEM_ANCHORS.events);
      status.count("events", collection.features.length);
    },
    claims(collection) {
      items(groups.claims, collection, claims, ITEM_ANCHORS.claims);
      status.count("claims", collection.features.length);
    },
  };
}
