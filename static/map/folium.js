/* The one place that reaches Folium's objects.
 *
 * Folium's inline script (templates/map.html) creates the Leaflet map and its layer groups as global variables with
 * generated names; config.names gives each one's name by role (build_map in atlas/web/mapview.py). The other
 * modules get the map and the groups from here, and Leaflet itself, which Folium's page header loads, as `L`.
 */

export const L = window.L;

const GROUP_ROLES = ["basemap", "counts", "areas", "lines", "points", "events", "claims"];

function byName(names, role) {
  const found = window[names[role]];
  if (!found) throw new Error(`Folium's ${role} (${names[role]}) is not on the page`);
  return found;
}

/* { map, groups: { basemap, counts, areas, lines, points, events, claims } } */
export function foliumObjects(names) {
  const groups = {};
  for (const role of GROUP_ROLES) groups[role] = byName(names, role);
  return { map: byName(names, "map"), groups };
}
