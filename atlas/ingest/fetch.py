"""Polite and safe fetching of web pages and feeds, with urllib3.

Polite: a User-Agent that names the tool, robots.txt obeyed (per RFC 9309: a missing file allows everything, an
unreachable one forbids everything), at most `per_host` requests to one host at a time, and a server that answers
429 or 503 is asked again only after the wait it gave (Retry-After) or a doubling back-off.

Safe: every answer is bounded in time (a deadline for the whole answer, so a server dripping bytes cannot hold a
worker), in size (counted after decompression, so a compressed bomb cannot fill memory), in type (the caller says
which content types it reads) and in redirects (each hop is checked again). Where `allow_private` is off (anything a
browser can trigger) a connection to a loopback, private, link-local or otherwise non-public address is refused
after the name is resolved, on the socket itself: a host name cannot slip past by resolving differently twice.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from urllib import robotparser
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

PRODUCT = "ConflictAtlas"  # the token robots.txt rules name
DEFAULT_USER_AGENT = f"{PRODUCT}/0.1 (news mapping for analysts; fetches only the pages and feeds it is given)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+json"})
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
MAX_IN_FLIGHT = 8  # requests at once across hosts (each host also has its own limit)
RETRY_STATUSES = frozenset({429, 503})


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds for a whole answer, body included
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    per_host: int = 2
    retries: int = 2  # further tries after a 429 or 503
    backoff: float = 1.0  # the first wait when the server gives none; doubled each time
    max_wait: float = 60.0  # a server asking for a longer wait is reported as busy instead
    allow_private: bool = True


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as asked for (normalised)
    final_url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str]


class FetchError(Exception):
    """A page that could not be fetched; the message is the reason shown to the user."""


class RefusedAddress(FetchError):
    """A connection to an address this fetcher may not reach."""


def normalise_url(url: str) -> str:
    """An http(s) URL in ASCII without its fragment, so the same address is always written the same way."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url[:200]!r}")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError(f"not a valid host name: {parts.hostname[:100]!r}") from None
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme.lower(), netloc, quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~"),
                       quote(parts.query, safe="=&%+/:@!$'()*,;?-._~"), ""))


def refusal(address: str) -> str | None:
    """Why an IP address may not be fetched from where private addresses are off; None for a public one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for test, name in ((ip.is_loopback, "loopback"), (ip.is_link_local, "link-local"), (ip.is_private, "private"),
                       (ip.is_multicast, "multicast"), (ip.is_unspecified, "unspecified"),
                       (ip.is_reserved, "reserved"), (not ip.is_global, "not public")):
        if test:
            return f"refused: {address} is a {name} address, and fetching those is off here"
    return None


def _refuse_private_host(url: str) -> None:
    """Refuse at once, with the address named, a host that resolves to an address we may not reach. (The connection
    itself is checked again: the name could resolve elsewhere the second time.)"""
    parts = urlsplit(url)
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"unknown host: {parts.hostname}") from None
    for *_info, address in found:
        reason = refusal(address[0])
        if reason:
            raise RefusedAddress(f"{reason} ({parts.hostname})" if parts.hostname != address[0] else reason)


def _check_peer(sock: socket.socket) -> socket.socket:
    reason = refusal(sock.getpeername()[0])
    if reason:
        sock.close()
        raise RefusedAddress(reason)
    return sock


class _PublicHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _check_peer(super()._new_conn())


class _PublicHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _check_peer(super()._new_conn())


class _PublicHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


class Fetcher:
    """One fetcher per batch (or per worker): it keeps the connection pools, robots.txt files and host limits."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self._http = urllib3.PoolManager(num_pools=32, maxsize=policy.per_host, retries=False)
        if not policy.allow_private:
            self._http.pool_classes_by_scheme = {"http": _PublicHTTPPool, "https": _PublicHTTPSPool}
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._robots: dict[str, robotparser.RobotFileParser | str] = {}

    def get(self, url: str, accept: frozenset[str], headers: dict[str, str] | None = None) -> Fetched:
        """The answer to a GET of `url` whose content type is one of `accept`; raises FetchError with the reason.
        A 304 answer (to conditional `headers`) is returned as it is, with an empty body."""
        asked = normalise_url(url)
        current = asked
        for _hop in range(self.policy.max_redirects + 1):
            if not self.policy.allow_private:
                _refuse_private_host(current)
            self._check_robots(current)
            status, answer_headers, body = self._request(current, headers or {}, self.policy.max_bytes)
            if status in (301, 302, 303, 307, 308) and "location" in answer_headers:
                current = normalise_url(urljoin(current, answer_headers["location"]))
                continue
            return _checked(asked, current, status, answer_headers, body, accept)
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    def get_many(self, urls: Iterable[str], accept: frozenset[str]) -> Iterator[tuple[str, Fetched | FetchError]]:
        """Each URL with its answer or its error, in the order given, fetched a few at a time."""
        with ThreadPoolExecutor(MAX_IN_FLIGHT, thread_name_prefix="atlas-fetch") as pool:
            window: list[tuple[str, Future[Fetched]]] = []
            for url in urls:
                window.append((url, pool.submit(self.get, url, accept)))
                if len(window) >= 2 * MAX_IN_FLIGHT:
                    yield _settled(*window.pop(0))
            for url, future in window:
                yield _settled(url, future)

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(self.policy.per_host))

    def _request(self, url: str, headers: dict[str, str], max_bytes: int) -> tuple[int, dict[str, str], bytes]:
        """One address, with the retries a busy server asks for: status, headers (lower-case names) and body."""
        for attempt in range(self.policy.retries + 1):
            with self._host_slot(url):
                status, answer_headers, body = self._once(url, headers, max_bytes)
            if status not in RETRY_STATUSES:
                return status, answer_headers, body
            wait = _retry_after(answer_headers.get("retry-after"), self.policy.backoff * 2**attempt)
            if attempt == self.policy.retries or wait > self.policy.max_wait:
                break
            time.sleep(wait)
        raise FetchError(f"the server is busy (HTTP {status}) after {self.policy.retries + 1} tries")

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> tuple[int, dict[str, str], bytes]:
        deadline = time.monotonic() + self.policy.timeout
        timeout = urllib3.Timeout(connect=self.policy.timeout, read=self.policy.timeout)
        try:
            response = self._http.request("GET", url, headers={"User-Agent": self.policy.user_agent,
                                                                "Accept-Encoding": "gzip, deflate", **headers},
                                          redirect=False, preload_content=False, timeout=timeout)
        except RefusedAddress:
            raise
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"timed out: no answer within {self.policy.timeout:g} s") from None
        except urllib3.exceptions.NameResolutionError:
            raise FetchError(f"unknown host: {urlsplit(url).hostname}") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"could not connect: {_cause(error)}") from None
        try:
            answer_headers = {name.lower(): value for name, value in response.headers.items()}
            length = answer_headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large: {int(length)} bytes (limit {max_bytes})")
            return response.status, answer_headers, _body(response, max_bytes, deadline, self.policy.timeout)
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"timed out: no complete answer within {self.policy.timeout:g} s") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"the answer broke off: {_cause(error)}") from None
        finally:
            response.release_conn()

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            rules = self._robots.get(origin)
        if rules is None:
            rules = self._read_robots(origin)
            with self._lock:
                self._robots[origin] = rules
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(PRODUCT, url):
            raise FetchError(f"robots.txt of {parts.netloc} does not allow {parts.path}")

    def _read_robots(self, origin: str) -> robotparser.RobotFileParser | str:
        """The site's rules, or why the whole site is off limits (robots.txt unreachable or failing)."""
        rules = robotparser.RobotFileParser()
        url = f"{origin}/robots.txt"
        try:
            for _hop in range(self.policy.max_redirects + 1):
                status, headers, body = self._request(url, {}, ROBOTS_MAX_BYTES)
                if status in (301, 302, 303, 307, 308) and "location" in headers:
                    url = normalise_url(urljoin(url, headers["location"]))
                    continue
                break
        except RefusedAddress:
            raise
        except FetchError as error:
            return f"robots.txt of {urlsplit(origin).netloc} could not be read ({error}), so the site is not fetched"
        if status >= 500:
            return f"robots.txt of {urlsplit(origin).netloc} answers HTTP {status}, so the site is not fetched"
        rules.parse(body.decode("utf-8", "replace").splitlines() if 200 <= status < 300 else [])
        return rules


def _settled(url: str, future: Future[Fetched]) -> tuple[str, Fetched | FetchError]:
    try:
        return url, future.result()
    except FetchError as error:
        return url, error


def _body(response: urllib3.BaseHTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.stream(65536, decode_content=True):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: more than {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out: no complete answer within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _checked(asked: str, final: str, status: int, headers: dict[str, str], body: bytes,
             accept: frozenset[str]) -> Fetched:
    if status == 304:
        return Fetched(asked, final, status, "", None, b"", headers)
    if not 200 <= status < 300:
        raise FetchError(f"HTTP {status}" + (" (not found)" if status in (404, 410) else ""))
    message = Message()
    message["content-type"] = headers.get("content-type", "")
    content_type = message.get_content_type() if headers.get("content-type") else ""
    if content_type not in accept:
        raise FetchError(f"not a page this reads: the server says its content type is {content_type or 'unknown'} "
                         f"(expected {', '.join(sorted(accept))})")
    return Fetched(asked, final, status, content_type, message.get_param("charset"), body, headers)


def _retry_after(value: str | None, default: float) -> float:
    """Seconds to wait: Retry-After in seconds (its HTTP-date form is read as the default back-off)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return default


def _cause(error: BaseException) -> str:
    reason = getattr(error, "reason", None) or error.__cause__ or error
    return str(reason)[:200]
