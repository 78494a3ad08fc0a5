"""Record types and their caravan/1 round trip."""

from caravan.model import DateRef, Event, Place, Quantity, Quote, Record, Span, content_hash


def make_record() -> Record:
    return Record(
        id="a1",
        language="en",
        published="2020-01-17",
        boilerplate=[Span(100, 140)],
        quotes=[Quote(1, 9, kind="indirect", speaker="Ana Ruiz", speaker_role="mayor", channel="BBC", via=None)],
        places=[
            Place(
                10,
                16,
                name="Tecún Umán",
                feature="city",
                country="GT",
                admin1="San Marcos",
                lat=14.67,
                lon=-92.14,
                geonameid=3588258,
            ),
            Place(20, 35, name="Guat-Mex border", feature="border", countries=["GT", "MX"]),
        ],
        quantities=[Quantity(40, 54, low=2274, high=None, unit="people", what="people", approximate=True)],
        dates=[DateRef(60, 69, value="2020-01-13/2020-01-19")],
        events=[Event(70, 77, type="cross", modality="asserted", country="GT", size=[2274, None], quote=0)],
    )


def test_model_round_trip_is_lossless():
    record = make_record()
    data = record.to_dict()
    assert Record.from_dict(data) == record
    assert Record.from_dict(data).to_dict() == data


def test_model_dict_has_every_format_field():
    data = make_record().to_dict()
    assert data["format"] == "caravan/1"
    assert set(data) >= {
        "id",
        "language",
        "published",
        "boilerplate",
        "quotes",
        "places",
        "quantities",
        "dates",
        "events",
    }
    border, city = data["places"][1], data["places"][0]
    assert border["countries"] == ["GT", "MX"] and "country" not in border
    assert city["country"] == "GT" and "countries" not in city
    assert set(data["events"][0]) >= {
        "type",
        "modality",
        "actor",
        "place",
        "country",
        "lat",
        "lon",
        "date",
        "size",
        "amount",
        "quote",
    }


def test_model_content_hash_ignores_whitespace_layout_only():
    assert content_hash("Migrants  left\nSan Pedro Sula.") == content_hash("Migrants left San Pedro Sula.")
    assert content_hash("Migrants left.") != content_hash("Migrants arrived.")
