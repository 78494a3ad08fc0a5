"""Plain-text files: encodings detected, binary, empty and invalid input refused with a clear reason."""

import pytest

from caravan.errors import DecodeError, EmptyError, TooLargeError
from caravan.ingest.text import decode_bytes, read_text_file
from caravan.settings import Settings

SPANISH = "Los migrantes llegaron a Tapachula el martes, según la policía. “Seguiremos”, dijo Ana Núñez.\n"


def test_text_reads_utf8_file_with_stem_as_id(tmp_path, report):
    path = tmp_path / "san-isidro.txt"
    path.write_text(report, encoding="utf-8")
    article = read_text_file(path, Settings())
    assert (article.id, article.text, article.source) == ("san-isidro", report, str(path))


def test_text_strips_utf8_byte_order_mark():
    assert decode_bytes(b"\xef\xbb\xbf" + SPANISH.encode("utf-8"), "x") == SPANISH


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le", "utf-32"])
def test_text_decodes_utf16_and_utf32_with_bom(encoding):
    data = SPANISH.encode(encoding)
    if encoding in ("utf-16-be", "utf-16-le"):
        data = ("\ufeff" + SPANISH).encode(encoding)
    assert decode_bytes(data, "x") == SPANISH


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_text_decodes_western_single_byte_encodings(encoding):
    text = SPANISH.replace("“", '"').replace("”", '"') if encoding == "latin-1" else SPANISH
    assert decode_bytes(text.encode(encoding), "x") == text


def test_text_decodes_detected_non_western_encoding():
    text = "Мигранты прибыли в город во вторник, сообщила полиция региона.\n"
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_text_refuses_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(DecodeError, match="binary"):
        read_text_file(path, Settings())


def test_text_refuses_control_characters_as_binary():
    with pytest.raises(DecodeError, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 20 + b"abc", "x")


def test_text_refuses_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b" \n\n")
    with pytest.raises(EmptyError, match="empty"):
        read_text_file(path, Settings())


def test_text_refuses_utf8_with_corrupt_bytes_naming_the_offset():
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte 10"):
        decode_bytes(b"Tapachula " + b"\xff" + " según".encode(), "x")


def test_text_refuses_bytes_in_no_plausible_encoding():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(0x80, 0x100)) * 8, "x")


def test_text_refuses_file_over_size_limit_before_reading(tmp_path, report):
    path = tmp_path / "big.txt"
    path.write_text(report, encoding="utf-8")
    with pytest.raises(TooLargeError, match="over the limit of 100"):
        read_text_file(path, Settings(max_bytes=100))


def test_text_error_is_one_line_naming_item_and_reason(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyError) as info:
        read_text_file(path, Settings())
    assert str(info.value) == f"{path}: empty file (no text)"
