/* The list beside the map: every event and claim the map draws in view, newest first, and those with no place, which
 * no map can show ("Not on the map"), fetched under the same filters (`unplaced=true`).
 *
 * Each entry gives the type's or stance's icon, the actors or the speaker, the date and the place, marked uncertain
 * or contested as on the map. Clicking one opens it in the side panel and pans the map to it; hovering or focusing it
 * marks its icon (or the badge gathering it) on the map. A contested claim links to its page beside the claims it is
 * contested with. A layer switched off in the layer control leaves the list until it is switched on again. Text
 * from articles goes in as text only (dom.js).
 */
import { isUncertain } from "./config.js";
import { element } from "./dom.js";
import { publishedText } from "./panel.js";
import { eventSymbol, stanceSymbol } from "./symbols.js";

const PAGE = 200; // entries listed at first, and added by each "Show more", so a crowded view stays quick

/* The report the item is dated by when it has no date of its own: its earliest dated one. */
function earliestReport(props) {
  const dated = props.sources.filter((source) => source.published);
  return dated.sort((a, b) => a.published.localeCompare(b.published))[0] || null;
}

/* The item's date: an event's own, else (and for a claim) its earliest dated report's. */
function itemDate(props) {
  if (props.layer === "event" && props.date) return props.date;
  const report = earliestReport(props);
  return report ? report.published : null;
}

/* The date as the list shows it: a report's date inferred from its text is only a lower bound, and says so. */
function itemDateText(props) {
  if (props.layer === "event" && props.date) return props.date;
  const report = earliestReport(props);
  return report ? publishedText(report) : "date unknown";
}

function newestFirst(a, b) {
  const [first, second] = [itemDate(a.properties), itemDate(b.properties)];
  if (first !== second) return (second || "").localeCompare(first || "");
  return a.id.localeCompare(b.id);
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/* map: Folium's map; state: createState(); urls: config.urls; thresholds: config.thresholds; panel: createPanel();
 * drawing: createDrawing() */
export function createList(map, state, urls, thresholds, panel, drawing) {
  const sections = {
    inView: { list: document.getElementById("items-in-view"), title: document.getElementById("item-list-title"),
      heading: "In view", features: { events: [], claims: [] }, shown: PAGE },
    unplaced: { list: document.getElementById("items-unplaced"), title: document.getElementById("unplaced-title"),
      heading: "Not on the map", features: { events: [], claims: [] }, shown: PAGE },
  };
  const inFlight = new Map(); // layer -> AbortController of the latest fetch of its unplaced items
  const hidden = new Set(); // layers ("events", "claims") switched off in the layer control: nothing of them listed
  let selected = null; // the feature id of the item last opened from the list

  function open(feature) {
    selected = feature.id;
    panel.showItem(feature.properties);
    state.write();
    if (feature.geometry) {
      const [lon, lat] = feature.geometry.coordinates;
      map.panTo([lat, lon]);
    }
    drawing.highlight(feature.id, true);
  }

  function entry(feature) {
    const props = feature.properties;
    const uncertain = isUncertain(thresholds, props);
    const contested = props.layer === "claim" && props.contested_with.length > 0;
    const item = element("li", `item ${props.layer}-item${uncertain ? " uncertain" : ""}`);
    item.dataset.itemId = feature.id;
    const button = element("button", "item-open");
    button.type = "button";
    // the map's colours and rings, under classes of the list's own (the map's icon classes find the map's icons)
    const icon = props.layer === "event"
      ? element("span", `item-icon list-event event-${props.type.toLowerCase()}`, eventSymbol(props.type))
      : element("span", `item-icon list-claim stance-${props.stance.replace(" ", "-")}${contested ? " contested" : ""}`,
        stanceSymbol(props.stance));
    icon.setAttribute("aria-hidden", "true");
    if (uncertain) icon.classList.add("uncertain");
    const who = props.layer === "event"
      ? `${props.label} (${props.type.toLowerCase()}): ${props.actors.map((a) => a.name).join(", ") || "actors unknown"}`
      : `${props.speaker} — ${props.stance}${contested ? " (contested)" : ""}`;
    const facts = [itemDateText(props), props.place_name || "no place"];
    if (uncertain) facts.push(`uncertain, confidence ${props.confidence}`);
    const text = element("span", "item-text");
    text.append(element("span", "item-who", who), element("span", "item-facts", facts.join(" · ")));
    button.append(icon, text);
    button.addEventListener("click", () => open(feature));
    for (const [type, on] of [["mouseenter", true], ["focus", true], ["mouseleave", false], ["blur", false]]) {
      button.addEventListener(type, () => drawing.highlight(feature.id, on || feature.id === selected));
    }
    item.append(button);
    if (contested) item.append(panel.contestedLink(props));
    return item;
  }

  /* The section's items of the layers switched on. */
  function listed(section, layer) {
    return hidden.has(layer) ? [] : section.features[layer];
  }

  function render(section) {
    const [events, claims] = [listed(section, "events"), listed(section, "claims")];
    section.title.textContent = `${section.heading}: ${plural(events.length, "event")}, ${plural(claims.length, "claim")}`;
    const features = [...events, ...claims].sort(newestFirst);
    const shown = features.slice(0, section.shown).map(entry);
    if (features.length > section.shown) {
      const more = element("button", "item-more", `Show ${Math.min(PAGE, features.length - section.shown)} more`);
      more.type = "button";
      more.addEventListener("click", () => {
        section.shown += PAGE;
        render(section);
        section.list.children[section.shown - PAGE]?.querySelector("button")?.focus();
      });
      const last = element("li", "item");
      last.append(more);
      shown.push(last);
    }
    section.list.replaceChildren(...shown);
    section.list.dataset.count = String(features.length);
  }

  function update(section, layer, collection) {
    section.features[layer] = collection.features;
    section.shown = PAGE;
    render(section);
  }

  function fetchUnplaced(layer) {
    if (inFlight.has(layer)) inFlight.get(layer).abort();
    if (hidden.has(layer)) return;
    const controller = new AbortController();
    inFlight.set(layer, controller);
    const url = layer === "events" ? urls.events : urls.claims;
    fetch(`${url}?${state.unplacedParams(layer === "events" ? "event" : "claim")}`, { signal: controller.signal })
      .then((response) => response.json().then((body) => ({ response, body })))
      .then(({ response, body }) => {
        if (!response.ok) throw new Error(body.error || response.statusText);
        update(sections.unplaced, layer, body);
      })
      .catch((error) => {
        if (error.name !== "AbortError") sections.unplaced.title.textContent = `Not on the map: ${error.message}`;
      })
      .finally(() => {
        if (inFlight.get(layer) === controller) inFlight.delete(layer);
      });
  }

  return {
    /* The map drew a layer: list what it drew, and mark the item last opened from the list again. */
    events(collection) {
      update(sections.inView, "events", collection);
      if (selected) drawing.highlight(selected, true);
    },
    claims(collection) {
      update(sections.inView, "claims", collection);
      if (selected) drawing.highlight(selected, true);
    },

    /* A layer was switched off in the layer control: its items leave the list until it is switched on again. */
    hide(layer) {
      hidden.add(layer);
      if (inFlight.has(layer)) inFlight.get(layer).abort();
      for (const section of Object.values(sections)) render(section);
    },

    /* A layer was switched on again: listed again, and its items with no place fetched afresh, since the filters
     * may have changed while it was off (the map fetches those in view when the view changed meanwhile). */
    show(layer) {
      hidden.delete(layer);
      for (const section of Object.values(sections)) render(section);
      fetchUnplaced(layer);
    },

    /* The filters changed: the items with no place are fetched again (the view's area does not bear on them). */
    loadUnplaced() {
      fetchUnplaced("events");
      fetchUnplaced("claims");
    },

    /* The contested claims in view about a place, each with a link to its page, for the place's panel. */
    contestedAbout(placeId) {
      const found = listed(sections.inView, "claims").filter((f) =>
        f.properties.contested_with.length && f.properties.place_ids.includes(placeId));
      if (!found.length) return [];
      const list = element("ul", "contested-claims");
      for (const feature of found) {
        const props = feature.properties;
        const item = element("li", null, `${props.speaker} — ${props.stance}: ${props.text} `);
        item.append(panel.contestedLink(props));
        list.append(item);
      }
      return [element("h3", null, "Contested claims about this place"), list];
    },
  };
}
