/* The timeline under the map: how many events, claims and articles of the view fall in each day or week (the server
 * picks the bin by the span, /api/timeline), stacked by layer, drawn with uPlot (served from npm, vendor.py), which
 * is loaded with the first counts rather than before the map's data.
 *
 * It counts every date under every other filter, so the period chosen in the From/To boxes shows as a highlighted
 * stretch of the whole story rather than the whole chart. Dragging across the bars chooses a period (the dates snap
 * to whole bins) and so does the keyboard: with the chart focused, the arrow keys move the period by one bin,
 * Shift+arrows widen or narrow it, Escape forgets it. Play steps a window of the period's length (a tenth of the span
 * when none is chosen) through time, so the map shows how a crisis unfolded.
 */
import { element } from "./dom.js";

let library = null;

/* uPlot, loaded once from `url` (config.urls.chart_library) when it is first needed. */
function chartLibrary(url) {
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.addEventListener("load", () => resolve(window.uPlot));
    script.addEventListener("error", () => reject(new Error(`${url} did not load`)));
    document.head.append(script);
  });
  return library;
}
const LAYERS = [ // bottom to top of each stacked bar
  { name: "events", label: "Events", colour: "#6a3d9a" },
  { name: "claims", label: "Claims", colour: "#2a7a73" },
  { name: "articles", label: "Articles", colour: "#8a95a3" },
];
const PLAY_STEP_MS = 1600;
const HEIGHT = 96;
const DAY = 86400; // seconds: uPlot's time scale counts seconds

function seconds(isoDate) {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000;
}

function isoDate(secondsSinceEpoch) {
  return new Date(secondsSinceEpoch * 1000).toISOString().slice(0, 10);
}

/* urls: config.urls; state: createState(); choose(from, to): sets the period ("" for none) and reloads. */
export function createTimeline(urls, state, choose) {
  const root = document.getElementById("timeline");
  const chartNode = root.querySelector(".timeline-chart");
  const summary = root.querySelector(".timeline-summary");
  const play = root.querySelector(".timeline-play");
  const allDates = root.querySelector(".timeline-all");
  let plot = null;
  let bins = [];
  let lastParams = null;
  let controller = null;
  let timer = null;

  /* The bin holding a moment, by index; before the first, the first; after the last, the last. */
  function binAt(moment) {
    let found = 0;
    for (let i = 0; i < bins.length; i += 1) if (seconds(bins[i].start) <= moment) found = i;
    return found;
  }

  function period() {
    const params = state.filterParams();
    return { from: params.get("from") || "", to: params.get("to") || "" };
  }

  /* The chosen period, as the first and last bin it touches; null when no date is set. */
  function periodBins() {
    const { from, to } = period();
    if (!bins.length || (!from && !to)) return null;
    return [from ? binAt(seconds(from)) : 0, to ? binAt(seconds(to)) : bins.length - 1];
  }

  function chooseBins(first, last) {
    const low = Math.max(0, Math.min(first, last));
    const high = Math.min(bins.length - 1, Math.max(first, last));
    choose(bins[low].start, bins[high].end);
  }

  function showPeriod() {
    if (!plot) return;
    const chosen = periodBins();
    if (!chosen) {
      plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      return;
    }
    const left = plot.valToPos(seconds(bins[chosen[0]].start), "x");
    const right = plot.valToPos(seconds(bins[chosen[1]].end) + DAY, "x");
    plot.setSelect({ left, top: 0, width: Math.max(1, right - left), height: plot.bbox.height / devicePixelRatio },
      false);
  }

  function onSelect(u) {
    if (u.select.width < 2) return; // a click, not a drag
    stop();
    chooseBins(binAt(u.posToVal(u.select.left, "x")), binAt(u.posToVal(u.select.left + u.select.width, "x") - 1));
  }

  function options(uPlot, width) {
    return {
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      select: { show: true },
      scales: { x: { time: true, range: () => [seconds(bins[0].start), seconds(bins[bins.length - 1].end) + DAY] } },
      axes: [{ size: 24, gap: 2, font: "11px system-ui, sans-serif" },
        { size: 36, gap: 2, font: "11px system-ui, sans-serif", ticks: { show: false } }],
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      // stacked bars: each series is drawn over the one before, from the top layer's running total down
      series: [{}, ...[...LAYERS].reverse().map((layer) => ({
        label: layer.label, fill: layer.colour, stroke: layer.colour, width: 0, points: { show: false },
        paths: uPlot.paths.bars({ align: 1, size: [1, Infinity], gap: 1 }),
      }))],
      hooks: { setSelect: [onSelect] },
    };
  }

  function chartData() {
    const xs = bins.map((bin) => seconds(bin.start));
    const totals = [...LAYERS].reverse().map((_layer, n, reversed) =>
      bins.map((bin) => reversed.slice(n).reduce((sum, layer) => sum + bin[layer.name], 0)));
    return [xs, ...totals];
  }

  function describe(answer) {
    const counts = LAYERS.map((layer) => `${answer.totals[layer.name]} ${layer.name}`).join(", ");
    const undated = LAYERS.filter((layer) => answer.undated[layer.name])
      .map((layer) => `${answer.undated[layer.name]} ${layer.name}`).join(", ");
    const span = bins.length ? ` from ${bins[0].start} to ${bins[bins.length - 1].end}, per ${answer.unit}` : "";
    summary.textContent = `${counts} in view${span}${undated ? `; undated: ${undated}` : ""}`;
    for (const layer of LAYERS) { // what the bars add up to, and the undated, for the tests and for scripts
      root.dataset[layer.name] = String(bins.reduce((sum, bin) => sum + bin[layer.name], 0));
      root.dataset[`undated${layer.label}`] = String(answer.undated[layer.name]);
    }
    root.dataset.unit = answer.unit;
  }

  function draw(uPlot, answer) {
    bins = answer.bins;
    describe(answer);
    if (plot) plot.destroy();
    plot = null;
    chartNode.replaceChildren();
    if (bins.length) {
      plot = new uPlot(options(uPlot, chartNode.clientWidth), chartData(), chartNode);
      showPeriod();
    } else {
      chartNode.append(element("p", "hint", "Nothing dated in view"));
    }
    play.disabled = bins.length < 2;
    root.dataset.drawn = String(Number(root.dataset.drawn || 0) + 1);
    performance.mark("timeline-drawn");
  }

  /* The counts for the view and the filters; the dates alone changing only moves the highlighted period. */
  function load() {
    const params = state.timelineParams().toString();
    if (params === lastParams) {
      showPeriod();
      return;
    }
    lastParams = params;
    if (controller) controller.abort();
    controller = new AbortController();
    const asked = controller;
    fetch(`${urls.timeline}?${params}`, { signal: controller.signal })
      .then((response) => response.json().then((body) => ({ response, body })))
      .then(({ response, body }) => {
        if (!response.ok) throw new Error(body.error || response.statusText);
        return chartLibrary(urls.chart_library).then((uPlot) => {
          if (controller === asked) draw(uPlot, body);
        });
      })
      .catch((error) => {
        if (error.name === "AbortError") return;
        lastParams = null;
        summary.textContent = `Could not load the timeline: ${error.message}`;
      });
  }

  function stop() {
    if (timer === null) return;
    clearInterval(timer);
    timer = null;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  }

  /* Steps a window of the chosen period's length (or a tenth of the span) from its start, or from the first bin. */
  function start() {
    const chosen = periodBins();
    const length = chosen ? chosen[1] - chosen[0] + 1 : Math.max(1, Math.round(bins.length / 10));
    let first = chosen && chosen[1] < bins.length - 1 ? chosen[0] : 0;
    chooseBins(first, first + length - 1);
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      first += length;
      if (first >= bins.length) stop();
      else chooseBins(first, first + length - 1);
    }, PLAY_STEP_MS);
  }

  function onKey(event) {
    if (!bins.length) return;
    const chosen = periodBins() || [bins.length - 1, bins.length - 1];
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (event.key === "Escape") {
      stop();
      choose("", "");
    } else if (step && event.shiftKey) {
      stop();
      chooseBins(chosen[0], Math.max(chosen[0], chosen[1] + step));
    } else if (step) {
      stop();
      const shift = Math.max(-chosen[0], Math.min(step, bins.length - 1 - chosen[1]));
      chooseBins(chosen[0] + shift, chosen[1] + shift);
    } else {
      return;
    }
    event.preventDefault();
  }

  play.addEventListener("click", () => (timer === null ? start() : stop()));
  allDates.addEventListener("click", () => {
    stop();
    choose("", "");
  });
  chartNode.addEventListener("keydown", onKey);
  new ResizeObserver(() => {
    if (plot && chartNode.clientWidth) {
      plot.setSize({ width: chartNode.clientWidth, height: HEIGHT });
      showPeriod();
    }
  }).observe(chartNode);

  return { load };
}
