/* The top bar's filter form and place search.
 *
 * Each filter is an input #filter-<name> whose <name> is also its API and URL parameter. The view filters (dates,
 * outlet) apply to every layer and to the side panel; the item filters to events (type, actor) or claims (stance,
 * speaker). What a reader types is trimmed; dates and an outlet are picked, and sent as they are. The "Show
 * uncertain" checkbox (#show-uncertain, `uncertain=1` in the URL) is no API parameter: unticked, each item layer is
 * asked for its threshold as min_confidence (state.js).
 */
import { element } from "./dom.js";

export const VIEW_FILTERS = ["from", "to", "outlet"];
export const ITEM_FILTERS = ["type", "stance", "actor", "speaker"];
export const EVENT_FILTERS = ["type", "actor"];
export const CLAIM_FILTERS = ["stance", "speaker"];
const UNCERTAIN = "uncertain";

export function createFilters() {
  const inputs = {};
  for (const name of [...VIEW_FILTERS, ...ITEM_FILTERS]) inputs[name] = document.getElementById(`filter-${name}`);
  const uncertain = document.getElementById("show-uncertain");

  function value(name) {
    return ITEM_FILTERS.includes(name) ? inputs[name].value.trim() : inputs[name].value;
  }

  return {
    /* Sets every input from a query string; a filter it lacks is emptied. */
    read(params) {
      for (const [name, input] of Object.entries(inputs)) input.value = params.get(name) || "";
      uncertain.checked = params.get(UNCERTAIN) === "1";
    },

    showUncertain() {
      return uncertain.checked;
    },

    /* The page's own URL keeps "Show uncertain" ticked. */
    addUncertainTo(params) {
      if (uncertain.checked) params.set(UNCERTAIN, "1");
      return params;
    },

    /* Sets the period (YYYY-MM-DD, or "" for no bound), as the timeline chooses it. */
    setDates(from, to) {
      inputs.from.value = from;
      inputs.to.value = to;
    },

    /* Adds the filters among `names` that are set to `params`, in that order, and returns `params`. */
    addTo(params, names) {
      for (const name of names) {
        if (value(name)) params.set(name, value(name));
      }
      return params;
    },

    /* onView when a date or the outlet changes, or "Clear filters" empties them all; onItems for an item filter
     * or "Show uncertain". */
    listen(onView, onItems) {
      for (const name of VIEW_FILTERS) inputs[name].addEventListener("change", onView);
      for (const name of ITEM_FILTERS) inputs[name].addEventListener("change", onItems);
      uncertain.addEventListener("change", onItems);
      document.getElementById("filter-clear").addEventListener("click", () => {
        for (const input of Object.values(inputs)) input.value = "";
        uncertain.checked = false;
        onView();
      });
    },
  };
}

/* The place search: one match opens it at once (`openPlace(id)`), several are listed to pick from. */
export function createSearch(searchUrl, openPlace) {
  const form = document.getElementById("search");
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");

  function pick(placeId) {
    list.hidden = true;
    openPlace(placeId);
  }

  function showResults(results) {
    list.replaceChildren();
    for (const result of results) {
      const button = element("button", null, `${result.name} (${result.kind}, ${result.mention_count})`);
      button.type = "button";
      button.addEventListener("click", () => pick(result.id));
      const item = element("li");
      item.append(button);
      list.append(item);
    }
    if (!results.length) list.append(element("li", "hint", "No place of that name on the map"));
    list.hidden = false;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    fetch(`${searchUrl}?q=${encodeURIComponent(text)}`)
      .then((response) => response.json())
      .then((body) => {
        const results = body.results || [];
        if (results.length === 1) pick(results[0].id);
        else showResults(results);
      });
  });
}
