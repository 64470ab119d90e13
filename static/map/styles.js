/* The look of what the script draws.
 *
 * Colours, line weights and the item icons' sizes are set in static/atlas.css as custom properties (--map-*), which
 * its rules use too. Leaflet needs them as values: read here on the first drawing, when the stylesheet has loaded.
 * Where icons sit and how a place's dot grows are constants.
 */

/* A place's dot grows with the log of its mentions: `min` pixels across for one, `perDoubling` more for each
 * doubling, `max` at most. */
export const PLACE_DOT = { min: 16, perDoubling: 7, max: 46 };
/* Items sit beside their place's dot, not on it (events up-right, claims up-left), so both stay clickable. */
export const ITEM_ANCHORS = { events: [-24, 46], claims: [46, 46] };
export const ITEM_BADGE_SHIFT = 12; // a badge gathering crowded items sits this much further out than its items
export const POPUP = { maxWidth: 360, maxHeight: 320 };

function cssValue(name) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  if (!value) throw new Error(`static/atlas.css sets no ${name}`);
  return value;
}

function cssNumber(name) {
  return parseFloat(cssValue(name));
}

let read = null;

function look() {
  if (read) return read;
  const item = cssNumber("--map-item-size");
  read = {
    paths: {
      basemap: { color: cssValue("--map-basemap-stroke"), weight: cssNumber("--map-basemap-weight"),
        fillColor: cssValue("--map-basemap-fill"), fillOpacity: cssNumber("--map-basemap-fill-opacity") },
      area: { color: cssValue("--map-area-stroke"), weight: cssNumber("--map-area-weight"),
        fillColor: cssValue("--map-area-fill"), fillOpacity: cssNumber("--map-area-fill-opacity") },
      line: { color: cssValue("--map-line-stroke"), weight: cssNumber("--map-line-weight"),
        opacity: cssNumber("--map-line-opacity"), dashArray: cssValue("--map-line-dash") },
    },
    itemIcon: [item, item],
    itemBadge: [cssNumber("--map-badge-width"), item],
  };
  return read;
}

/* Leaflet path options of the offline basemap's countries, a place's area, and a corridor or route. */
export function pathStyles() {
  return look().paths;
}

/* [width, height] in pixels of an event's or claim's icon, and of a badge gathering several. */
export function itemIconSize() {
  return look().itemIcon;
}

export function itemBadgeSize() {
  return look().itemBadge;
}
