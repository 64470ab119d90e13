"""A local web server of news outlets for the fetch, feed and WARC tests: pages written to look like real outlets'
(navigation, cookie banners, related-article lists and comments around the story; JSON-LD, Open Graph, or only a
visible dateline), feeds, and every misbehaviour a fetcher meets (redirect chains and loops, 404, slow, oversize,
binary, busy, robots.txt). It listens on 127.0.0.1 only and stops with the test session.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERALD_PARAGRAPHS = [
    "Armenian and Azerbaijani negotiators met in Tbilisi on Monday for a third round of talks on the border, "
    "Georgian officials said, as both sides accused each other of shelling villages near the line of contact.",
    "The talks, hosted by the Georgian foreign ministry, lasted more than six hours. Delegations from Yerevan and "
    "Baku discussed the opening of a road corridor and the exchange of detainees held since the autumn.",
    "Residents of villages around Tavush said they had heard artillery fire through the night. A local official "
    "told reporters that two houses were damaged but nobody was hurt.",
    "Diplomats in Brussels welcomed the meeting and urged both governments to keep the ceasefire that was agreed "
    "last year, adding that monitors would return to the region in the spring.",
    "A fourth round is expected in Tbilisi next month, according to a statement from the Georgian government.",
]
POST_PARAGRAPHS = [
    "Ukrainian forces said on Tuesday that they had pushed back an assault near Bakhmut after a night of heavy "
    "fighting, while Russian officials claimed to have taken two villages east of the town.",
    "The governor of the Donetsk region said shelling had hit a school in Kramatorsk overnight. Emergency crews "
    "worked until morning to clear the rubble, and the regional authorities opened shelters for families.",
    "Independent observers could not confirm either side's account. Satellite images published by a research "
    "group showed fresh craters along the road between Bakhmut and Kostiantynivka.",
    "Aid agencies warned that thousands of civilians remained in towns near the front line without power or "
    "running water, and asked both sides to allow convoys through.",
]
GAZETTE_PARAGRAPHS = [
    "Protesters gathered in central Kyiv on Saturday to demand the return of prisoners of war held in Russia, "
    "blocking traffic on Khreshchatyk for several hours.",
    "Families of soldiers captured in Mariupol carried photographs of their relatives and called on the "
    "government to press for a new exchange. Officials in Kyiv said talks with Moscow were under way.",
    "The protest ended peacefully in the evening. Organisers said they would return every weekend until the men "
    "came home, and similar gatherings were reported in Lviv and Odesa.",
]
NEW_ITEM_PARAGRAPHS = [
    "Officials in Stepanakert said on Thursday that the road through the Lachin corridor had been closed again, "
    "leaving villages without deliveries of food and fuel for a second week.",
    "Peacekeepers stationed near Shusha reported that trucks were turned back at the checkpoint. The government "
    "in Yerevan called on international partners to intervene, and officials in Baku denied that the road was "
    "blocked, saying only that inspections had been tightened.",
]

NAV = """<header class="site-header"><a class="logo" href="/">{outlet}</a>
<nav><ul><li><a href="/world/">World</a></li><li><a href="/politics/">Politics</a></li>
<li><a href="/business/">Business</a></li><li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li>
</ul></nav><form class="search"><input name="q" placeholder="Search"></form></header>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on our site and to show
you personalised advertising. By continuing to browse you agree to our use of cookies.</p>
<button>Accept all</button> <button>Manage preferences</button></div>"""

RELATED = """<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/world/2024/02/01/corridor-reopens">Corridor reopens after weeks of closure in the south</a></li>
<li><a href="/world/2024/01/20/envoy-visit">Envoy visits the region ahead of new round of negotiations</a></li>
<li><a href="/world/2024/01/05/prisoner-swap">Prisoner swap agreed at the last minute by both capitals</a></li>
</ul></aside>"""

COMMENTS = """<section class="comments" id="comments"><h2>Comments (3)</h2>
<div class="comment"><p class="comment-author">reader_1984</p><p>Another round of talks that will change nothing
in Moscow or Paris or anywhere else, mark my words. This has been going on for years.</p></div>
<div class="comment"><p class="comment-author">Gary from Leeds</p><p>Great reporting as always, thanks for keeping
us informed about what happens in Lisbon and Madrid too.</p></div>
<div class="comment"><p class="comment-author">anon</p><p>First!</p></div></section>"""

FOOTER = """<footer><p>&copy; 2024 {outlet}. All rights reserved.</p><ul><li><a href="/about">About us</a></li>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/contact">Contact</a></li></ul>
<p>Newsletter: get the day's headlines from Rome, Berlin and Warsaw every morning.</p></footer>"""


def _paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def herald_page(base: str) -> str:
    """JSON-LD NewsArticle (publisher, author, datePublished) and a canonical link."""
    url = f"{base}/world/2024/03/12/border-talks-tbilisi"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Border talks resume in Tbilisi as shelling continues",
          "datePublished": "2024-03-12T09:30:00+00:00", "dateModified": "2024-03-13T17:00:00+00:00",
          "author": {"@type": "Person", "name": "Anna Petrosyan"},
          "publisher": {"@type": "Organization", "name": "The Caspian Herald"}, "mainEntityOfPage": url}
    return f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Border talks resume in Tbilisi as shelling continues | The Caspian Herald</title>
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>window.dataLayer = [{{"section": "world", "cities": ["Paris", "London"]}}];</script>
<link rel="stylesheet" href="/static/site.css"></head>
<body>{NAV.format(outlet="The Caspian Herald")}
<main><article><h1>Border talks resume in Tbilisi as shelling continues</h1>
<p class="byline">By <a href="/authors/anna-petrosyan">Anna Petrosyan</a>, Tbilisi</p>
<figure><img src="/img/talks.jpg" alt=""><figcaption>Delegations arrive at the ministry.</figcaption></figure>
{_paragraphs(HERALD_PARAGRAPHS)}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>{RELATED}{COMMENTS}</main>{FOOTER.format(outlet="The Caspian Herald")}</body></html>"""


def post_page(base: str) -> str:
    """Open Graph and article: meta tags only, no JSON-LD."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Fighting near Bakhmut - Donbas Post</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="Donbas Post">
<meta property="og:title" content="Ukraine says assault near Bakhmut repelled">
<meta property="og:url" content="{base}/news/bakhmut-assault-repelled">
<meta property="article:published_time" content="2023-02-14T06:45:00Z">
<meta name="author" content="Oleh Kovalenko">
<meta property="og:description" content="Heavy fighting overnight near Bakhmut."></head>
<body>{NAV.format(outlet="Donbas Post")}
<div class="layout"><div class="content"><h1>Ukraine says assault near Bakhmut repelled</h1>
<div class="article-body">{_paragraphs(POST_PARAGRAPHS)}</div>
<div class="newsletter-signup"><p>Sign up for our morning briefing.</p><form><input name="email"></form></div>
</div><div class="sidebar"><h3>Most read</h3><ol><li><a href="/a">Prices rise again in Odesa markets</a></li>
<li><a href="/b">Football: Shakhtar win in Warsaw</a></li></ol></div></div>
{COMMENTS}{FOOTER.format(outlet="Donbas Post")}</body></html>"""


def gazette_page() -> str:
    """No metadata at all: the date is only in the visible dateline, the outlet only in the page's own text."""
    return f"""<!doctype html><html lang="uk"><head><meta charset="utf-8">
<title>Families of prisoners protest in Kyiv</title></head>
<body>{NAV.format(outlet="Kyiv Evening Gazette")}
<div id="main"><h1>Families of prisoners protest in Kyiv</h1>
<p class="dateline"><span class="date">Published 4 February 2023</span> &middot; 3 min read</p>
<div class="story">{_paragraphs(GAZETTE_PARAGRAPHS)}</div></div>
{RELATED}{FOOTER.format(outlet="Kyiv Evening Gazette")}</body></html>"""


def section_front() -> str:
    items = "\n".join(
        f'<li><h3><a href="/world/story-{n}">{headline}</a></h3><span class="time">{n} hours ago</span></li>'
        for n, headline in enumerate([
            "Talks resume in Tbilisi", "Shelling reported near Bakhmut", "Protest in Kyiv ends peacefully",
            "Corridor closed again", "Envoy visits Yerevan", "Markets fall in Moscow", "Election called in Baku",
            "Aid convoy reaches Kherson", "Ceasefire holds in the south", "Ministers meet in Brussels"], 1))
    return f"""<!doctype html><html lang="en"><head><title>World news | The Caspian Herald</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="The Caspian Herald"></head>
<body>{NAV.format(outlet="The Caspian Herald")}<main><h1>World</h1><ul class="headlines">{items}</ul></main>
{FOOTER.format(outlet="The Caspian Herald")}</body></html>"""


def paywall_stub() -> str:
    return f"""<!doctype html><html lang="en"><head><title>Analysis: what next for the corridor</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Caspian Herald"></head>
<body>{NAV.format(outlet="The Caspian Herald")}<article><h1>Analysis: what next for the corridor</h1>
<p>The closure of the road has left both governments with few options.</p>
<div class="paywall"><p>Subscribe to continue reading.</p><a href="/subscribe">Subscribe now</a></div></article>
{FOOTER.format(outlet="The Caspian Herald")}</body></html>"""


def new_item_page(base: str) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Lachin corridor closed again",
          "datePublished": "2024-04-02T08:00:00Z", "author": [{"@type": "Person", "name": "Lilit Harutyunyan"}],
          "publisher": {"@type": "Organization", "name": "The Caspian Herald"}}
    return f"""<!doctype html><html lang="en"><head><title>Lachin corridor closed again</title>
<link rel="canonical" href="{base}/world/2024/04/02/lachin-closed">
<script type="application/ld+json">{json.dumps(ld)}</script></head>
<body>{NAV.format(outlet="The Caspian Herald")}<article><h1>Lachin corridor closed again</h1>
{_paragraphs(NEW_ITEM_PARAGRAPHS)}</article>{COMMENTS}{FOOTER.format(outlet="The Caspian Herald")}</body></html>"""


NOT_FOUND = """<!doctype html><html><head><title>Page not found</title></head><body><h1>Sorry, we could not find
that page</h1><p>It may have moved. Try our <a href="/">home page</a>.</p></body></html>"""

ROBOTS = "User-agent: *\nDisallow: /private/\n"


def rss_feed(base: str, with_new_item: bool) -> str:
    items = [("Border talks resume in Tbilisi as shelling continues", "/world/2024/03/12/border-talks-tbilisi",
              "Tue, 12 Mar 2024 09:30:00 GMT"),
             ("Ukraine says assault near Bakhmut repelled", "/news/bakhmut-assault-repelled",
              "Tue, 14 Feb 2023 06:45:00 GMT"),
             ("Families of prisoners protest in Kyiv", "/kyiv/families-protest", "Sat, 04 Feb 2023 12:00:00 GMT")]
    if with_new_item:
        items.insert(0, ("Lachin corridor closed again", "/world/2024/04/02/lachin-closed",
                         "Tue, 02 Apr 2024 08:00:00 GMT"))
    body = "".join(f"<item><title>{t}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
                   f"<pubDate>{when}</pubDate><description>{t}.</description></item>" for t, path, when in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Regional news</title>'
            f"<link>{base}/</link><description>Stories from the region</description>{body}</channel></rss>")


def atom_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Donbas Post</title><id>{base}/atom</id><updated>2023-02-14T06:45:00Z</updated>
<entry><title>Ukraine says assault near Bakhmut repelled</title><id>tag:post,2023:1</id>
<link rel="alternate" href="{base}/news/bakhmut-assault-repelled"/><updated>2023-02-14T06:45:00Z</updated>
<author><name>Oleh Kovalenko</name></author></entry>
<entry><title>World news</title><id>tag:post,2023:2</id><link href="{base}/world/"/>
<updated>2023-02-14T07:00:00Z</updated></entry></feed>"""


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    length: bool = True  # send a Content-Length (False: the body ends when the connection closes)


class OutletSite:
    """The routes and state of the server: `hits` counts requests per path; `with_new_item` adds a feed item."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.hits: dict[str, int] = {}
        self.with_new_item = False
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> OutletSite:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def routes(self) -> dict[str, Callable[[], Response]]:
        base = self.base

        def html(text: str, status: int = 200) -> Response:
            return Response(status, text.encode("utf-8"))

        def busy() -> Response:  # busy the first time it is asked, then the story
            if self.hits["/busy/story"] == 1:
                return Response(503, b"busy", "text/plain", {"Retry-After": "0"})
            return html(post_page(base))

        return {
            "/robots.txt": lambda: Response(body=ROBOTS.encode(), content_type="text/plain"),
            "/world/2024/03/12/border-talks-tbilisi": lambda: html(herald_page(base)),
            "/news/bakhmut-assault-repelled": lambda: html(post_page(base)),
            "/kyiv/families-protest": lambda: html(gazette_page()),
            "/world/2024/04/02/lachin-closed": lambda: html(new_item_page(base)),
            "/world/": lambda: html(section_front()),
            "/premium/analysis": lambda: html(paywall_stub()),
            "/private/memo": lambda: html(post_page(base)),
            "/missing": lambda: html(NOT_FOUND, 404),
            "/short-link": lambda: Response(301, headers={"Location": "/go/1"}),
            "/go/1": lambda: Response(302, headers={"Location": f"{base}/go/2"}),
            "/go/2": lambda: Response(307, headers={"Location": "/world/2024/03/12/border-talks-tbilisi"}),
            "/loop": lambda: Response(302, headers={"Location": "/loop"}),
            "/slow": lambda: Response(body=herald_page(base).encode(), delay=3.0),
            "/huge": lambda: Response(body=b"<p>" + b"Tbilisi talks. " * 20_000 + b"</p>", length=False),
            "/report.pdf": lambda: Response(body=b"%PDF-1.4\n" + bytes(range(256)) * 4,
                                            content_type="application/pdf"),
            "/busy/story": busy,
            "/feeds/rss.xml": lambda: Response(body=rss_feed(base, self.with_new_item).encode(),
                                               content_type="application/rss+xml"),
            "/feeds/atom.xml": lambda: Response(body=atom_feed(base).encode(), content_type="application/atom+xml"),
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                site.hits[path] = site.hits.get(path, 0) + 1
                route = site.routes().get(path)
                answer = route() if route else Response(404, NOT_FOUND.encode())
                if answer.delay:
                    time.sleep(answer.delay)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.length:
                    self.send_header("Content-Length", str(len(answer.body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on the answer
                    self.wfile.write(answer.body)

            def log_message(self, *_args) -> None:
                pass

        return Handler
