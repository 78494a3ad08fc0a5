"""Fetching URLs safely: http(s) only, public addresses only, every redirect checked, size and time bounded.

Each hop is resolved once with ``socket.getaddrinfo``; every address must be public (unless
``settings.allow_private``, or the hop's host is one of ``settings.allow_private_hosts``), and the connection is
pinned to the checked address (the Host header and TLS SNI keep the name), so a second DNS answer cannot point the
request elsewhere. Redirects are followed by hand so each
target goes through the same checks. Bodies are streamed and cut at ``settings.max_bytes``; one request (each hop
of a redirect) may not take longer than ``settings.timeout`` in all. httpx errors become :class:`FetchError`.
Name resolution has no timeout of its own (``getaddrinfo`` blocks as long as the system resolver does).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx

from caravan.errors import FetchError, PrivateAddressError, TooLargeError
from caravan.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_SIZE = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"  # decoded here, bounded (see _read_body); never brotli or zstd

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 forms that carry an IPv4 address: a packet to them reaches that IPv4 host (through a relay or a NAT64
# gateway), so they are judged by the address they carry (RFC 3056 6to4, RFC 6052 well-known NAT64 prefix).
SIXTOFOUR = ipaddress.ip_network("2002::/16")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215 local-use prefix: never public


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: the final URL (after redirects), its media type and charset, and the body."""

    url: str
    content_type: str  # media type in lower case, without parameters ("text/html"); "" when not given
    charset: str | None
    body: bytes


@dataclass(frozen=True)
class Target:
    """One checked hop: the URL as named, and the URL pinned to the checked address with its Host header."""

    url: str
    pinned_url: str
    host_header: str
    sni_hostname: str | None


def fetch(url: str, settings: Settings) -> Fetched:
    """The resource at ``url``; raises a FetchError (or PrivateAddressError, TooLargeError) naming ``url``."""
    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING}
    with httpx.Client(timeout=settings.timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            target = check_url(current, settings, item=url)
            result = _get(client, target, settings, item=url)
            if isinstance(result, Fetched):
                return result
            log.info("%s redirects to %s", current, result)
            current = result
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def check_url(url: str, settings: Settings, item: str | None = None) -> Target:
    """The checked hop for ``url``: an http(s) URL whose host resolves to public addresses only."""
    item = item or url
    hop = "" if url == item else f"redirect to {url}: "
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "http://ne]s.example/": an unbalanced IPv6 bracket
        raise FetchError(item, f"{hop}not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(item, f"{hop}unsupported URL scheme {parts.scheme or '(none)'!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise FetchError(item, f"{hop}no host in URL")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
    except ValueError:
        raise FetchError(item, f"{hop}invalid port in URL") from None
    addresses = resolve(host, port, item, hop)
    if not settings.allow_private and not _host_allowed(host, settings):
        for address in addresses:
            kind = non_public_kind(address)
            if kind:
                raise PrivateAddressError(
                    item,
                    f"{hop}host {host} resolves to {kind} address {address} (refused; set allow_private to fetch it)",
                )
    return _pin(parts, host, port, addresses[0])


def _host_allowed(host: str, settings: Settings) -> bool:
    """Whether the settings name this host as one that may resolve to private addresses."""
    return host.lower().rstrip(".") in {h.strip().lower().rstrip(".") for h in settings.allow_private_hosts}


def resolve(host: str, port: int, item: str, hop: str = "") -> list[IPAddress]:
    """Every address ``host`` resolves to, IPv4 first (the order getaddrinfo prefers within each family)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(item, f"{hop}cannot resolve host {host} ({exc})") from None
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])  # drop an IPv6 scope id
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(item, f"{hop}host {host} has no address")
    return sorted(addresses, key=lambda a: a.version)


def non_public_kind(address: IPAddress) -> str | None:
    """What makes an address non-public ("loopback", "private", ...), or None for a public address.

    IPv4-mapped, 6to4 and NAT64 addresses are judged by the IPv4 address they carry (``2002:7f00:1::`` and
    ``64:ff9b::7f00:1`` are loopback).
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address in NAT64_LOCAL:
            return "non-global"
        address = embedded_ipv4(address) or address
    for kind in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-global"


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, 6to4 or NAT64 (well-known prefix) IPv6 address carries, if any."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address in SIXTOFOUR:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _pin(parts: SplitResult, host: str, port: int, address: IPAddress) -> Target:
    literal = f"[{address}]" if address.version == 6 else str(address)
    scheme = parts.scheme.lower()
    netloc = literal if port == DEFAULT_PORTS[scheme] else f"{literal}:{port}"
    host_header = host if port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    if ":" in host:  # an IPv6 literal host keeps its brackets in the Host header
        host_header = f"[{host}]" if port == DEFAULT_PORTS[scheme] else f"[{host}]:{port}"
    pinned = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    sni = host if scheme == "https" else None
    return Target(
        url=urlunsplit(parts._replace(fragment="")), pinned_url=pinned, host_header=host_header, sni_hostname=sni
    )


def _get(client: httpx.Client, target: Target, settings: Settings, item: str) -> Fetched | str:
    """The response to one GET: a Fetched, or the next URL when it redirects."""
    extensions = {"sni_hostname": target.sni_hostname} if target.sni_hostname else {}
    deadline = time.monotonic() + settings.timeout
    try:
        request = client.build_request(
            "GET", target.pinned_url, headers={"Host": target.host_header}, extensions=extensions
        )
        response = client.send(request, stream=True)
    except httpx.InvalidURL as exc:
        raise FetchError(item, f"invalid URL ({_one_line(exc)})") from None
    except httpx.TimeoutException:
        raise FetchError(item, f"timed out after {settings.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(item, f"cannot connect ({_one_line(exc)})") from None
    try:
        return _read_response(response, target, settings, item, deadline)
    finally:
        response.close()


def _read_response(
    response: httpx.Response, target: Target, settings: Settings, item: str, deadline: float
) -> Fetched | str:
    if response.status_code in REDIRECT_STATUSES:
        location = response.headers.get("location")
        if not location:
            raise FetchError(item, f"HTTP {response.status_code} redirect without a Location")
        try:
            return urljoin(target.url, location)
        except ValueError as exc:  # a Location no URL parser reads
            raise FetchError(item, f"HTTP {response.status_code} redirect to an invalid URL ({exc})") from None
    if response.status_code >= 300:  # an error, or a redirect status without a target to follow
        raise FetchError(item, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise TooLargeError(item, f"{int(declared)} bytes declared, over the limit of {settings.max_bytes}")
    body = _read_body(response, settings, item, deadline)
    media_type, charset = parse_content_type(response.headers.get("content-type", ""))
    return Fetched(url=target.url, content_type=media_type, charset=charset, body=body)


def _read_body(response: httpx.Response, settings: Settings, item: str, deadline: float) -> bytes:
    """The body, streamed and decoded here, never more than ``settings.max_bytes`` at a time: stops at the size
    limit (a gzip bomb included) and at the request's deadline (``settings.timeout``)."""
    decoder = _decoder(response.headers.get("content-encoding", ""), item)
    chunks: list[bytes] = []
    size = 0
    try:
        for raw in response.iter_raw(CHUNK_SIZE):
            for chunk in decoder(raw, settings.max_bytes - size + 1):
                size += len(chunk)
                if size > settings.max_bytes:
                    raise TooLargeError(item, f"download over the limit of {settings.max_bytes} bytes (stopped)")
                chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchError(item, f"timed out after {settings.timeout:g} s (body too slow)")
    except httpx.TimeoutException:
        raise FetchError(item, f"timed out after {settings.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(item, f"download failed ({_one_line(exc)})") from None
    except zlib.error as exc:
        raise FetchError(item, f"corrupt {response.headers.get('content-encoding')} body ({exc})") from None
    return b"".join(chunks)


Decoder = Callable[[bytes, int], Iterator[bytes]]


def _decoder(encoding: str, item: str) -> Decoder:
    """A decoder of the Content-Encoding that yields at most ``limit`` bytes per step (so a bomb never inflates
    further than the size limit); identity when there is none. Only what ACCEPT_ENCODING asks for is read."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda raw, limit: iter((raw,))
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(item, f"unsupported Content-Encoding {encoding!r}")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected

    def decode(raw: bytes, limit: int) -> Iterator[bytes]:
        pending = raw
        while pending:
            chunk = inflater.decompress(pending, max(1, min(limit, CHUNK_SIZE)))
            pending = inflater.unconsumed_tail
            if not chunk:
                return
            yield chunk

    return decode


def parse_content_type(value: str) -> tuple[str, str | None]:
    """The media type (lower case) and charset of a Content-Type header: ``("text/html", "utf-8")``."""
    media_type, _, params = value.partition(";")
    for param in params.split(";"):
        name, _, charset = param.partition("=")
        if name.strip().lower() == "charset" and charset.strip():
            return media_type.strip().lower(), charset.strip().strip('"').lower()
    return media_type.strip().lower(), None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
