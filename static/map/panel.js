/* The side panel: the status line, a place's excerpts, and the popups of events and claims with their confidence,
 * its reasons and their sources.
 *
 * Article text (titles, outlets, excerpts, quotes, names) only ever goes in as text (dom.js), never as HTML.
 */
import { isUncertain, urlWithId } from "./config.js";
import { element } from "./dom.js";
import { L } from "./folium.js";

const POINT_ZOOM = 8; // a place found by search that is a point is shown at least this close
const AREA_MAX_ZOOM = 9; // an area or line found by search is fitted into the view, no closer than this

/* The line above the panel: what is in view, and in data-* for the tests and for anyone scripting the page. */
export function createStatus() {
  const node = document.getElementById("status");
  return {
    say(text) {
      node.textContent = text;
    },
    count(layer, number) {
      node.dataset[layer] = String(number);
    },
    loading(busy) {
      node.dataset.loading = String(busy);
    },
  };
}

/* A publication date inferred from the text is the latest date the text mentions: the article is no older. */
export function publishedText(source) {
  if (!source.published) return "date unknown";
  return source.published_inferred ? `after ${source.published} (inferred from the text)` : source.published;
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

/* map: Folium's map; state: createState(); urls: config.urls; thresholds: config.thresholds */
export function createPanel(map, state, urls, thresholds) {
  const body = document.getElementById("panel-body");
  let placeExtras = () => []; // more nodes for a place's panel (the list's contested claims about it)

  function showPlace(feature) {
    const props = feature.properties;
    const content = document.createDocumentFragment();
    content.append(element("h2", null, props.name));
    const kind = `${props.kind}${props.approximate ? ` (${props.source || "approximate"})` : ""} · ` +
      `${props.mention_count} mention(s) in ${props.article_count} article(s)`;
    content.append(element("p", "kind", kind));
    for (const mention of props.mentions) {
      const item = element("section", "excerpt");
      item.dataset.articleId = String(mention.article_id);
      const source = element("div", "source");
      const link = element("a", null, mention.title);
      link.href = `${urlWithId(urls.article, mention.article_id)}#mention-${encodeURIComponent(mention.start)}`;
      source.append(link, document.createTextNode(` · ${mention.outlet} · ${publishedText(mention)}`));
      item.append(source, excerptNode(mention));
      content.append(item);
    }
    const extras = element("div", "place-extras");
    extras.dataset.placeId = feature.id;
    extras.append(...placeExtras(feature.id));
    content.append(extras);
    body.replaceChildren(content);
  }

  /* Shows the place's excerpts that pass the filters; zoomTo also brings the place into view. */
  function open(placeId, zoomTo) {
    state.place = placeId;
    state.write();
    const params = state.filterParams();
    fetch(`${urlWithId(urls.place, placeId)}?${params}`)
      .then((response) => response.json().then((answer) => ({ response, answer })))
      .then(({ response, answer }) => {
        if (!response.ok) {
          body.replaceChildren(element("p", "hint", answer.error));
          return;
        }
        const feature = answer.features[0];
        showPlace(feature);
        if (zoomTo) {
          const bounds = L.geoJSON(feature).getBounds();
          if (feature.geometry.type === "Point") map.setView(bounds.getCenter(), Math.max(map.getZoom(), POINT_ZOOM));
          else map.fitBounds(bounds, { maxZoom: AREA_MAX_ZOOM });
        }
      });
  }

  function sourcesNode(sources) {
    const list = element("ul", "sources");
    for (const source of sources) {
      const item = element("li", "source");
      const link = element("a", null, source.title);
      link.href = urlWithId(urls.article, source.article_id);
      item.append(link, document.createTextNode(` · ${source.outlet} · ${publishedText(source)}`));
      item.append(element("blockquote", null, source.excerpt));
      list.append(item);
    }
    return list;
  }

  /* "confidence 0.62", flagged "uncertain" below the layer's threshold, and what the extractor based it on. */
  function confidenceNodes(props) {
    const line = element("p", "confidence");
    if (isUncertain(thresholds, props)) line.append(element("span", "uncertain-badge", "uncertain"), " ");
    line.append(`confidence ${props.confidence}`);
    line.title = "How often items with these reasons were right in the articles the extractor was tuned on; "
      + "on other news they are right less often";
    const reasons = element("ul", "reasons");
    for (const reason of props.reasons) {
      const item = element("li", null, reason.text);
      item.title = reason.code;
      reasons.append(item);
    }
    return props.reasons.length ? [line, reasons] : [line];
  }

  function eventPopup(props) {
    const popup = element("div", "item-popup event-popup");
    popup.append(element("h3", null, `${props.label} (${props.type})`));
    const when = props.date ? `${props.date} (${props.date_precision})` : "date unknown";
    const where = props.place_name ? `${props.place_name} (where_prec ${props.geo_precision})` : "place unknown";
    popup.append(element("p", "kind", `${when} · ${where}`));
    popup.append(element("p", "actors", props.actors.map((a) => a.name).join(", ") || "actors unknown"));
    popup.append(...confidenceNodes(props), sourcesNode(props.sources));
    return popup;
  }

  /* A link to the contested claim's page: it beside every claim it is contested with, each with its sources. */
  function contestedLink(props) {
    const link = element("a", "contested-link", "Compare side by side");
    link.href = urlWithId(urls.contested, props.id);
    return link;
  }

  function claimPopup(props) {
    const popup = element("div", "item-popup claim-popup");
    popup.append(element("h3", null, `${props.speaker} — ${props.stance}`));
    if (props.contested_with.length) {
      const line = element("p", "contested", `Contested by ${props.contested_with.length} opposing claim(s) · `);
      line.append(contestedLink(props));
      popup.append(line);
    }
    popup.append(element("p", props.quote ? "quote" : "reported", props.text));
    popup.append(...confidenceNodes(props), sourcesNode(props.sources));
    return popup;
  }

  /* An event or claim in the panel, as its popup shows it; the open place, if any, is closed. */
  function showItem(props) {
    state.place = null;
    body.replaceChildren((props.layer === "event" ? eventPopup : claimPopup)(props));
  }

  return {
    open, eventPopup, claimPopup, showItem, contestedLink,
    /* extras(placeId) -> nodes added at the end of a place's panel */
    extendPlace(extras) {
      placeExtras = extras;
    },
    /* What the extras say changed (the claims in view were drawn): the open place's are made again. */
    refreshPlace() {
      const extras = body.querySelector(".place-extras");
      if (extras) extras.replaceChildren(...placeExtras(extras.dataset.placeId));
    },
  };
}
