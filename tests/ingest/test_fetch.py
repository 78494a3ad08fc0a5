"""Fetching: a local HTTP server for what works and fails; non-public addresses refused by resolution alone."""

import gzip
import ipaddress
import socket
import zlib

import pytest

from caravan.errors import FetchError, PrivateAddressError, TooLargeError
from caravan.ingest.fetch import check_url, fetch, non_public_kind
from caravan.settings import Settings


def test_fetch_returns_body_media_type_and_charset(server, local):
    url = server.route("/a", "<p>hola</p>", headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    fetched = fetch(url, local)
    assert (fetched.url, fetched.content_type, fetched.charset, fetched.body) == (
        url,
        "text/html",
        "iso-8859-1",
        b"<p>hola</p>",
    )


def test_fetch_sends_user_agent_and_host(server, local):
    fetch(server.route("/a", "x"), local)
    _path, headers = server.requests[-1]
    assert headers["User-Agent"] == "caravan-test/1"
    assert headers["Host"] == f"127.0.0.1:{server.server_address[1]}"


def test_fetch_pins_address_but_sends_host_name(server, local):
    fetch(server.route("/a", "x").replace("127.0.0.1", "localhost"), local)
    assert server.requests[-1][1]["Host"] == f"localhost:{server.server_address[1]}"


def test_fetch_follows_redirects_hop_by_hop(server, local):
    target = server.route("/final", "done")
    server.route("/start", status=302, headers={"Location": "/middle"})
    server.route("/middle", status=301, headers={"Location": target})
    fetched = fetch(server.url("/start"), local)
    assert (fetched.url, fetched.body) == (target, b"done")
    assert [p for p, _ in server.requests] == ["/start", "/middle", "/final"]


def test_fetch_checks_redirect_target_scheme(server, local):
    url = server.route("/start", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="redirect to file:///etc/passwd: unsupported URL scheme 'file'"):
        fetch(url, local)


def test_fetch_redirect_hop_to_metadata_address_is_refused_naming_the_hop():
    with pytest.raises(
        PrivateAddressError,
        match=r"redirect to http://169.254.169.254/latest: host 169.254.169.254 "
        r"resolves to link-local address",
    ) as info:
        check_url("http://169.254.169.254/latest", Settings(), item="http://news.example/a")
    assert info.value.item == "http://news.example/a"


def test_fetch_stops_after_too_many_redirects(server, local):
    url = server.route("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(url, local)


@pytest.mark.parametrize("status", [404, 500])
def test_fetch_http_error_status_is_fetch_error(server, local, status):
    url = server.route("/e", "nope", status=status)
    with pytest.raises(FetchError, match=f"HTTP {status}") as info:
        fetch(url, local)
    assert info.value.item == url


def test_fetch_slow_endpoint_times_out(server):
    url = server.route("/slow", "late", delay=1.0)
    with pytest.raises(FetchError, match=r"timed out after 0\.2 s"):
        fetch(url, Settings(allow_private=True, timeout=0.2))


def test_fetch_slow_body_stops_at_overall_deadline(server):
    url = server.route("/drip", "x" * 40, chunks=8, chunk_delay=0.1)
    with pytest.raises(FetchError, match="timed out"):
        fetch(url, Settings(allow_private=True, timeout=0.35))


def test_fetch_unreachable_port_is_fetch_error(local):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/", local)


def test_fetch_refuses_declared_body_over_size_limit(server):
    url = server.route("/big", "x" * 5000)
    with pytest.raises(TooLargeError, match="5000 bytes declared"):
        fetch(url, Settings(allow_private=True, max_bytes=1000))


def test_fetch_stops_streamed_body_at_size_limit(server):
    url = server.route("/stream", "x" * 50_000, chunks=50)
    with pytest.raises(TooLargeError, match="stopped"):
        fetch(url, Settings(allow_private=True, max_bytes=10_000))


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"])
def test_fetch_refuses_non_http_schemes(url):
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        check_url(url, Settings())


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/",
        "http://localhost/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://192.168.1.20/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_fetch_default_refuses_non_public_addresses_by_resolution(url):
    with pytest.raises(PrivateAddressError, match="refused"):
        check_url(url, Settings())


def test_fetch_refused_address_sends_no_request(server):
    with pytest.raises(PrivateAddressError, match=r"loopback address 127\.0\.0\.1"):
        fetch(server.url("/a"), Settings())
    assert server.requests == []


def test_fetch_allow_private_lets_loopback_through():
    target = check_url("http://127.0.0.1:8000/a?b=1#frag", Settings(allow_private=True))
    assert (target.pinned_url, target.host_header) == ("http://127.0.0.1:8000/a?b=1", "127.0.0.1:8000")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-global"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_fetch_non_public_kind_of_addresses(address, kind):
    assert non_public_kind(ipaddress.ip_address(address)) == kind


def test_fetch_redirect_to_private_address_through_fetch_is_refused(server):
    """The first hop's host is allowed; its redirect to a loopback address is checked again and refused."""
    port = server.server_address[1]
    server.route("/start", status=302, headers={"Location": f"http://127.0.0.1:{port}/secret"})
    server.route("/secret", "internal data")
    settings = Settings(allow_private_hosts=("localhost",), timeout=2.0)
    with pytest.raises(
        PrivateAddressError,
        match=rf"redirect to http://127.0.0.1:{port}/secret: host 127.0.0.1 "
        r"resolves to loopback address",
    ) as info:
        fetch(f"http://localhost:{port}/start", settings)
    assert info.value.item == f"http://localhost:{port}/start"
    assert [path for path, _ in server.requests] == ["/start"]


def test_fetch_allowed_private_host_is_fetched_and_others_are_not(server):
    port = server.server_address[1]
    server.route("/a", "intranet page")
    settings = Settings(allow_private_hosts=("LOCALHOST",), timeout=2.0)
    assert fetch(f"http://localhost:{port}/a", settings).body == b"intranet page"
    with pytest.raises(PrivateAddressError, match="loopback"):
        fetch(f"http://127.0.0.1:{port}/a", settings)


def test_fetch_pins_the_checked_address_against_a_second_dns_answer(server, other_server, local, fake_dns):
    """A rebinding resolver answers the check with one address and the connection with another: the request
    still goes to the checked address, with the name in the Host header."""
    port = server.server_address[1]
    fake_dns["news.test"] = [[("127.0.0.1", None)], [("127.0.0.1", other_server.server_address[1])]]
    server.route("/a", "checked")
    other_server.route("/a", "rebound")
    fetched = fetch(f"http://news.test:{port}/a", local)
    assert fetched.body == b"checked" and other_server.requests == []
    assert server.requests[-1][1]["Host"] == f"news.test:{port}"


@pytest.mark.parametrize(
    ("answer", "refused"),
    [
        ([("93.184.215.14", None), ("10.0.0.5", None)], "private address 10.0.0.5"),
        ([("2606:4700::1111", None), ("::1", None)], "loopback address ::1"),
        ([("93.184.215.14", None), ("2606:4700::1111", None), ("169.254.169.254", None)], "link-local"),
    ],
)
def test_fetch_name_resolving_to_public_and_private_addresses_is_refused(fake_dns, answer, refused):
    fake_dns["mixed.test"] = [answer]
    with pytest.raises(PrivateAddressError, match=f"host mixed.test resolves to {refused}"):
        check_url("http://mixed.test/a", Settings())


def test_fetch_name_resolving_to_public_addresses_only_is_pinned_to_the_first(fake_dns):
    fake_dns["public.test"] = [[("2606:4700::1111", None), ("93.184.215.14", None)]]
    target = check_url("http://public.test/a", Settings())
    assert (target.pinned_url, target.host_header) == ("http://93.184.215.14/a", "public.test")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("2002:7f00:1::", "loopback"),
        ("2002:a00:1::1", "private"),
        ("2002:a9fe:a9fe::", "link-local"),
        ("64:ff9b::7f00:1", "loopback"),
        ("64:ff9b::a9fe:a9fe", "link-local"),
        ("64:ff9b::c0a8:101", "private"),
        ("64:ff9b:1::7f00:1", "non-global"),
        ("2002:5db8:d70e::", None),
        ("64:ff9b::5db8:d70e", None),
    ],
)
def test_fetch_6to4_and_nat64_forms_are_judged_by_their_ipv4_address(address, kind):
    assert non_public_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("url", ["http://[2002:7f00:1::]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a00:1]/"])
def test_fetch_refuses_loopback_and_private_addresses_in_6to4_and_nat64_form(url):
    with pytest.raises(PrivateAddressError, match="refused"):
        check_url(url, Settings())


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_fetch_decodes_a_compressed_body(server, local, encoding):
    body = "<p>hola</p>" * 1000
    data = gzip.compress(body.encode()) if encoding == "gzip" else zlib.compress(body.encode())
    url = server.route("/z", data, headers={"Content-Encoding": encoding, "Content-Type": "text/html"})
    assert fetch(url, local).body == body.encode()
    assert server.requests[-1][1]["Accept-Encoding"] == "gzip, deflate"


def test_fetch_refuses_an_encoding_it_did_not_ask_for(server, local):
    url = server.route("/br", b"\x0b\x02\x80hola\x03", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
        fetch(url, local)


def test_fetch_url_no_parser_reads_is_a_fetch_error():
    """An unbalanced IPv6 bracket ("http://ne]s.example/", found by bench/fuzz_atheris.py) made urlsplit raise a
    ValueError that escaped the reader and the batch."""
    with pytest.raises(FetchError, match="not a valid URL"):
        fetch("http://ne]s.example/1", Settings())


def test_fetch_redirect_to_a_url_no_parser_reads_is_a_fetch_error(server, local):
    url = server.route("/start", status=302, headers={"Location": "http://ne]s.example/1"})
    with pytest.raises(FetchError, match="redirect to an invalid URL"):
        fetch(url, local)
