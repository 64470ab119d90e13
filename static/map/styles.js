/* The look of what the script draws: sizes of its icons, and the styles of the shapes Leaflet draws on its canvas. */

/* A place's dot grows with the log of its mentions, from MIN to MAX pixels across. */
export const PLACE_DOT = { min: 16, perDoubling: 7, max: 46 };
export const ITEM_ICON_SIZE = [22, 22];
export const ITEM_BADGE_SIZE = [34, 22]; // a badge gathering crowded items
export const ITEM_BADGE_SHIFT = 12; // a badge sits this much further out from the place's dot than its items
/* Items sit beside their place's dot, not on it (events up-right, claims up-left), so both stay clickable. */
export const ITEM_ANCHORS = { events: [-24, 46], claims: [46, 46] };
export const POPUP = { maxWidth: 360, maxHeight: 320 };

export const SEA = "#cfe0ef";

/* Leaflet path options of the offline basemap's countries, a place's area, and a corridor or route. */
export function pathStyles() {
  return {
    basemap: { color: "#9aa5b1", weight: 0.8, fillColor: "#eef1f4", fillOpacity: 1 },
    area: { color: "#5b6f86", weight: 1, fillColor: "#7d93ad", fillOpacity: 0.12 },
    line: { color: "#b4501e", weight: 4, opacity: 0.85, dashArray: "6 4" },
  };
}
