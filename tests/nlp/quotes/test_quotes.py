"""Quote extraction: one construction per test, on short texts written for the tests."""

from __future__ import annotations

import pytest

from caravan.model import Article, Quote, Span
from caravan.nlp.quotes import QuoteFinder, normalise_speaker
from caravan.nlp.quotes.data import load_lexicon
from caravan.nlp.quotes.marks import find_marked
from caravan.nlp.quotes.posts import find_posts
from caravan.nlp.quotes.speakers import may_be_person, spelling


def quoted(record, text: str) -> list[tuple[str, Quote]]:
    return [(text[q.start : q.end], q) for q in record.quotes]


def find(record, text: str, words: str) -> Quote:
    """The shortest quote whose content contains ``words``."""
    for content, quote in sorted(quoted(record, text), key=lambda cq: len(cq[0])):
        if words in content:
            return quote
    raise AssertionError(f"no quote contains {words!r}: {[c for c, _ in quoted(record, text)]}")


# a sentence that is surely a quote, put after a text that must give none: the finder is seen to work on the text,
# so an empty result is not what makes such a test pass
CONTROL = " Ana Ruiz said the shelter was full."


def assert_only_the_control(record, text: str) -> None:
    assert [(content, q.speaker) for content, q in quoted(record, text)] == [("the shelter was full", "Ana Ruiz")]


# --- without the model -----------------------------------------------------------------------------------------


def test_quotes_normalise_speaker_drops_case_accents_dots_and_titles():
    assert normalise_speaker("Sen. José  Pérez") == "jose perez"
    assert normalise_speaker("The Associated Press") == "associated press"
    assert normalise_speaker("Mr. Luis E. Arreaga") == "luis e arreaga"


def test_quotes_normalise_speaker_of_nothing_is_empty():
    assert normalise_speaker(None) == ""


def test_quotes_marks_find_every_style():
    text = '“One two three four.” «Cinco seis siete ocho.» "Nine ten eleven twelve."'
    assert [text[m.start : m.end] for m in find_marked(text)] == [
        "One two three four.",
        "Cinco seis siete ocho.",
        "Nine ten eleven twelve.",
    ]


def test_quotes_marks_drop_the_comma_before_the_closing_mark():
    text = "“We will walk on,” she said."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["We will walk on"]


def test_quotes_marks_open_quote_runs_to_paragraph_end():
    text = "“The first part goes on.\n\n“The second part ends here.”"
    marks = find_marked(text)
    assert [text[m.start : m.end] for m in marks] == ["The first part goes on.", "The second part ends here."]
    assert marks[0].close_at is None


def test_quotes_marks_apostrophes_are_not_quotes():
    text = "The migrants’ route isn’t safe, officials’ reports say."
    assert find_marked(text) == []


def test_quotes_marks_doubled_apostrophes_are_quotes():
    text = "''We are staying here for now,'' he said."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["We are staying here for now"]


def test_quotes_marks_curly_quote_closed_by_a_straight_one():
    text = '“We are just operating from the gut," he said. “Next one.”'
    assert [text[m.start : m.end] for m in find_marked(text)] == ["We are just operating from the gut", "Next one."]


# --- English, with the parse ---------------------------------------------------------------------------------


@pytest.mark.model
def test_quotes_split_quote_shares_the_cue_speaker(run):
    text = "“The road is long,” Maria Lopez said. “We have no other choice.”"
    record = run(text, language="en")
    assert find(record, text, "The road is long").speaker == "Maria Lopez"
    assert find(record, text, "no other choice").speaker == "Maria Lopez"
    assert find(record, text, "The road is long").kind == "direct"


@pytest.mark.model
def test_quotes_multi_paragraph_quote_keeps_its_speaker(run):
    text = (
        "“We left at dawn,” said Carlos Mendez, a farmer from Copan.\n\n"
        "“The police stopped us at the bridge.\n\n"
        "“Nobody told us why.”"
    )
    record = run(text, language="en")
    assert find(record, text, "police stopped us").speaker == "Carlos Mendez"
    assert find(record, text, "Nobody told us why").speaker == "Carlos Mendez"


@pytest.mark.model
def test_quotes_cueless_paragraph_continues_previous_speaker(run):
    text = (
        "“Shelters are full,” said Ana Rivera, who runs a shelter in Tapachula.\n\n“We need more beds before winter.”"
    )
    record = run(text, language="en")
    assert find(record, text, "more beds").speaker == "Ana Rivera"


@pytest.mark.model
def test_quotes_surname_expands_to_the_full_name(run):
    text = "Border official Peter Hansen visited the crossing on Monday.\n\n“The crossing will stay open,” Hansen said."
    record = run(text, language="en")
    quote = find(record, text, "stay open")
    assert quote.speaker == "Peter Hansen"
    assert quote.speaker_role == "Border official"


@pytest.mark.model
def test_quotes_pronoun_speaker_is_the_last_person(run):
    text = "Mayor Laura Ortiz met the families on Tuesday.\n\n“They are welcome here,” she said."
    record = run(text, language="en")
    assert find(record, text, "welcome here").speaker == "Laura Ortiz"


@pytest.mark.model
def test_quotes_role_from_apposition(run):
    text = "“Costs are rising,” said David Kim, chief executive of the Harbor Shipping Company."
    record = run(text, language="en")
    assert find(record, text, "Costs are rising").speaker_role == "chief executive of the Harbor Shipping Company"


@pytest.mark.model
def test_quotes_indirect_said_that(run):
    text = "Governor Paul Baker said that the state would open two new shelters next month."
    record = run(text, language="en")
    quote = find(record, text, "two new shelters")
    assert quote.kind == "indirect"
    assert quote.speaker == "Paul Baker"


@pytest.mark.model
def test_quotes_indirect_reported_clause_before_the_cue(run):
    text = "The group will reach the border by Friday, the spokesman for the Red Cross added."
    record = run(text, language="en")
    quote = find(record, text, "reach the border")
    assert text[quote.start : quote.end] == "The group will reach the border by Friday"


@pytest.mark.model
def test_quotes_according_to_gives_the_rest_of_the_sentence(run):
    text = "According to the United Nations, about 4,000 people crossed the river last week."
    record = run(text, language="en")
    quote = find(record, text, "crossed the river")
    assert normalise_speaker(quote.speaker) == "united nations"
    assert "According" not in text[quote.start : quote.end]


@pytest.mark.model
def test_quotes_mixed_quote_is_one_reported_clause(run):
    text = "Senator Mark Lewis said the new rule would “hurt the families who need help the most.”"
    record = run(text, language="en")
    quote = find(record, text, "the new rule")
    assert quote.kind == "mixed"
    assert len(record.quotes) == 1


@pytest.mark.model
def test_quotes_outlet_is_a_speaker(run):
    text = "“The camp was cleared overnight,” The Daily Herald reports."
    record = run(text, language="en")
    assert normalise_speaker(find(record, text, "camp was cleared").speaker) == "daily herald"


@pytest.mark.model
def test_quotes_via_for_speech_inside_an_outlet_passage(run):
    text = "“Police chief Tom Ward said the road would reopen on Sunday,” The Daily Herald reports."
    record = run(text, language="en")
    inner = find(record, text, "the road would reopen")
    assert inner.speaker == "Tom Ward"
    assert normalise_speaker(inner.via) == "daily herald"


@pytest.mark.model
def test_quotes_via_after_according_to_colon(run):
    text = "According to Reuters:\n\nInterior Minister Rosa Diaz said the army would patrol the southern border."
    record = run(text, language="en")
    quote = find(record, text, "patrol the southern border")
    assert quote.speaker == "Rosa Diaz"
    assert quote.via == "Reuters"


def test_quotes_spelling_of_an_acronym_is_the_run_of_capitalised_words_with_its_initials():
    text = "Agents of U.S. Immigration and Customs Enforcement came. Later, Immigration and Customs Enforcement said."
    assert spelling(text, "ICE") == "Immigration and Customs Enforcement"
    assert spelling("An Associated Press photographer saw it.", "AP") == "Associated Press"
    assert spelling("Ana Perez said the Interior Ministry would act.", "ICE") is None


@pytest.mark.model
def test_quotes_speaker_and_channel_acronyms_are_spelled_out_from_the_article(run):
    text = (
        "Immigration and Customs Enforcement agents came at night, and an Associated Press reporter saw them.\n\n"
        "ICE said the raids would go on for a week.\n\nFamilies who spoke with the AP said they had nowhere to go."
    )
    record = run(text, language="en")
    assert find(record, text, "raids would go on").speaker == "Immigration and Customs Enforcement"
    assert find(record, text, "nowhere to go").channel == "Associated Press"


@pytest.mark.model
def test_quotes_according_to_a_document_is_its_publisher(run):
    text = (
        "According to a Quinnipiac University poll released in May, most voters back the plan.\n\n"
        "The shelters are full, according to a report by Amnesty International.\n\n"
        "According to a December survey by the Pew Research Center, half of the families had left.\n\n"
        "According to the ministry's statement, 300 migrants were detained at the border."
    )
    record = run(text, language="en")
    assert find(record, text, "most voters back").speaker == "Quinnipiac University"
    assert find(record, text, "shelters are full").speaker == "Amnesty International"
    assert find(record, text, "half of the families").speaker == "the Pew Research Center"
    assert find(record, text, "300 migrants").channel == "statement"


@pytest.mark.model
def test_quotes_according_to_a_titled_report_keeps_the_title(run):
    text = "According to the 2019 Open Doors Report, more than a million students came."
    assert find(run(text, language="en"), text, "million students").speaker != "Open Doors"


@pytest.mark.model
def test_quotes_he_after_an_untagged_name_that_spoke_is_that_speaker(run):
    """The tagger leaves "O’Shaughnessy" (curly apostrophe) untagged; direct quotes are read before the indirect
    cue that names him, so "he" must find him among the subjects of speech verbs."""
    text = (
        "Gen. Terrence O’Shaughnessy, the head of Northern Command, spoke on Monday.\n\n"
        "The troops will help agents identify anyone trying to cross the river, O’Shaughnessy said.\n\n"
        "Guard units have been directing agents of Ana Lopez for months.\n\n"
        "“We will be able to spot and identify groups, and rapidly deploy,” he said."
    )
    assert find(run(text, language="en"), text, "spot and identify").speaker == "Terrence O’Shaughnessy"


def test_quotes_untagged_bodies_acronyms_and_titles_are_no_person():
    lexicon = load_lexicon()
    assert may_be_person("O’Shaughnessy", lexicon)
    assert not may_be_person("Border Patrol", lexicon)
    assert not may_be_person("ICE", lexicon)
    assert not may_be_person("Judge", lexicon)


@pytest.mark.model
def test_quotes_reporting_noun_with_a_possessive_pronoun_is_its_referents(run):
    text = "Donald Trump spoke in Ohio on Monday. He repeated his warning that the country is being invaded by gangs."
    quote = find(run(text, language="en"), text, "being invaded")
    assert (text[quote.start : quote.end], quote.speaker) == ("the country is being invaded by gangs", "Donald Trump")


@pytest.mark.model
def test_quotes_channel_of_an_outlet_told(run):
    text = "“We will not turn anyone away,” aid worker Sara Cohen told Reuters on Monday."
    record = run(text, language="en")
    assert find(record, text, "turn anyone away").channel == "Reuters"


@pytest.mark.model
def test_quotes_channel_of_a_tweet(run):
    text = "“The border is closed,” Commissioner John Smith tweeted."
    record = run(text, language="en")
    assert find(record, text, "border is closed").channel == "Twitter"


@pytest.mark.model
def test_quotes_channel_of_a_statement(run):
    text = "The ministry said in a statement that 300 people had been registered at the crossing."
    record = run(text, language="en")
    assert find(record, text, "300 people").channel == "statement"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "channel"),
    [
        ("Senator Ana Ruiz said in a letter that the border is not secure.", "border is not secure", "letter"),
        ("A spokesman, Carlos Vega, said in an email that the shelter was full.", "shelter was full", "email"),
        ("Dr. Ana Ruiz said at a court hearing that the detainees were fed by force.", "fed by force", "court hearing"),
        ("Ana Ruiz said in an interview with NBC that the shelter was full.", "shelter was full", "NBC"),
    ],
)
def test_quotes_channel_of_a_letter_an_email_a_hearing_or_the_outlet_of_an_interview(run, text, words, channel):
    record = run(text, language="en")
    assert find(record, text, words).channel == channel


@pytest.mark.model
def test_quotes_a_speech_before_the_saying_or_one_in_the_report_is_no_channel(run):
    text = (
        "Days after his speech, Carlos Vega said the shelter was full. "
        "Spokeswoman Ana Ruiz declined on Friday to describe other parts of the new shelter plan, and would not "
        'confirm whether the governor will give a speech on the issue next week.\n"The wall is built," she said.'
    )
    record = run(text, language="en")
    assert [find(record, text, words).channel for words in ("shelter was full", "wall is built")] == [None, None]


@pytest.mark.model
def test_quotes_a_parliamentary_title_is_the_role_not_the_name(run):
    text = "Senate Minority Leader Ana Ruiz said the shelter was full."
    record = run(text, language="en")
    assert find(record, text, "shelter was full").speaker == "Ana Ruiz"


@pytest.mark.model
def test_quotes_a_titled_description_that_spoke_is_who_he_is_later(run):
    filler = "The weather in the region stayed mild and dry for most of that week. " * 24
    text = (
        "President Elena Marsh met Senator Carlos Vega on Monday. "
        + filler
        + "The president also claimed that the fence had stopped the caravans. "
        + filler[:600]
        + "“We have finished the new fence,” she tweeted."
    )
    record = run(text, language="en")
    assert find(record, text, "finished the new fence").speaker == "Elena Marsh"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Note that the number of crossings peaked back in 2006.",
        "Not to mention the costs of schooling provided to the children.",
        "The last week has shown how the critics were wrong to dismiss the caravan.",
    ],
)
def test_quotes_the_writers_asides_and_what_a_time_shows_are_no_quotes(run, text):
    text += CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "“It will help,” said Ruiz-Calderón, who was doubtful the change would bring any relief.",
        "“The campaign is in panic mode. Full panic mode,” said Marta Ostrowski, a Tucson-based president of the "
        "Southern Arizona Nurses Caucus.",
        "“Main Street's a pretty anxious place,” said Tom Becker, a hardware store owner in Ohio, who introduced Mr. "
        "Lund to his suppliers.",
    ],
)
def test_quotes_what_follows_an_inverted_cue_tells_of_its_speaker(run, text):
    record = run(text, language="en")
    assert [content for content, _ in quoted(record, text)] == [text[1 : text.index(",”")]]


@pytest.mark.model
def test_quotes_a_mixed_report_before_an_inverted_cue_stays(run):
    text = "Both parties “saw the region as a place under pressure from abroad,” said Tomas Lindqvist, an envoy."
    record = run(text, language="en")
    assert find(record, text, "Both parties").speaker == "Tomas Lindqvist"


@pytest.mark.model
def test_quotes_scare_quotes_are_not_quotes(run):
    text = "The so-called “caravan” left the city on Friday, and the “wall” was not mentioned." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_inside_boilerplate_are_skipped(pipeline):
    text = "Officials said the road was closed.\n\n“Subscribe now for the latest stories,” the editors said."
    doc = pipeline.model_for("en")(text)
    doc._.article = Article(id="t", text=text)
    start = text.index("“Subscribe")
    doc._.boilerplate = [Span(start, len(text))]
    quotes = QuoteFinder(pipeline.settings)(doc)._.quotes
    assert [text[q.start : q.end] for q in quotes] == ["the road was closed"]


# --- Spanish, by rules -----------------------------------------------------------------------------------------


@pytest.mark.model
def test_quotes_spanish_angle_quotes_with_cue_after(run):
    text = "«No vamos a regresar», dijo la migrante Rosa Hernández."
    record = run(text, language="es")
    quote = find(record, text, "No vamos a regresar")
    assert quote.speaker == "Rosa Hernández"
    assert quote.kind == "direct"


@pytest.mark.model
def test_quotes_spanish_dialogue_dash_gives_both_pieces(run):
    text = "—Seguiremos caminando —dijo Juan Pérez—. No tenemos otra opción."
    record = run(text, language="es")
    assert find(record, text, "Seguiremos caminando").speaker == "Juan Pérez"
    assert find(record, text, "No tenemos otra opción").speaker == "Juan Pérez"


@pytest.mark.model
def test_quotes_spanish_surname_expands_to_full_name(run):
    text = "La ministra Elena Ruiz Campos visitó el albergue.\n\n«Habrá más ayuda», afirmó Ruiz Campos."
    record = run(text, language="es")
    assert find(record, text, "Habrá más ayuda").speaker == "Elena Ruiz Campos"


@pytest.mark.model
def test_quotes_spanish_dijo_que_is_indirect(run):
    text = "El canciller Pedro Gómez dijo que el país no permitirá el paso de la caravana."
    record = run(text, language="es")
    quote = find(record, text, "no permitirá")
    assert quote.kind == "indirect"
    assert quote.speaker == "Pedro Gómez"


@pytest.mark.model
def test_quotes_spanish_segun_credits_the_source(run):
    text = "Según la Cruz Roja, más de 300 personas recibieron atención en la frontera."
    record = run(text, language="es")
    quote = find(record, text, "300 personas")
    assert normalise_speaker(quote.speaker) == "cruz roja"


@pytest.mark.model
def test_quotes_spanish_statement_channel(run):
    text = "El Instituto Nacional de Migración afirmó en un comunicado: «Se atendió a dos mil personas»."
    record = run(text, language="es")
    quote = find(record, text, "dos mil personas")
    assert quote.channel == "statement"
    assert quote.speaker == "Instituto Nacional de Migración"


@pytest.mark.model
def test_quotes_spanish_clause_before_a_closing_cue(run):
    text = "La caravana salió de San Pedro Sula el miércoles, informó la policía hondureña."
    record = run(text, language="es")
    quote = find(record, text, "La caravana salió")
    assert quote.speaker == "policía hondureña"


@pytest.mark.model
def test_quotes_spanish_outlet_told_is_the_channel(run):
    text = "«Nos vamos porque no hay trabajo», explicó a la agencia AFP Marta Gómez."
    record = run(text, language="es")
    quote = find(record, text, "no hay trabajo")
    assert (quote.speaker, quote.channel) == ("Marta Gómez", "AFP")


@pytest.mark.model
def test_quotes_headline_name_before_colon(run):
    text = "Rosa Diaz: The Border Must Stay Open\n\nThe minister spoke in the capital on Monday."
    record = run(text, language="en")
    quote = find(record, text, "Border Must Stay Open")
    assert quote.speaker == "Rosa Diaz"


@pytest.mark.model
def test_quotes_cue_between_commas_splits_the_reported_words(run):
    text = "These families, Ana Rivas explained at a hearing on Monday, were waiting for weeks at the bridge."
    record = run(text, language="en")
    contents = sorted(text[q.start : q.end] for q in record.quotes)
    assert contents == ["These families", "were waiting for weeks at the bridge."]


@pytest.mark.model
def test_quotes_passive_cue_gives_the_agent_as_speaker(run):
    text = "The families were told by Senator Ana Ruiz on Tuesday that the asylum rule would change."
    record = run(text, language="en")
    quote = find(record, text, "asylum rule")
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The mayor cited frustration with the slow asylum process.",
        "The minister described the plan to the committee on Monday.",
        "Volunteers offered a ride to the families waiting at the bridge.",
        "The senator urged the governors to send more buses.",
        "The shelter director declined to say whether the families would stay.",
        "The mayor's decision to close the shelter surprised the families.",
        "Families clung to the hope of receiving asylum in the north.",
        "If the judge finds that the claim is credible, the family may stay.",
    ],
)
def test_quotes_noun_phrase_objects_are_not_quotes(run, text):
    text += CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_reported_clause_is_an_indirect_quote(run):
    text = "The mayor warned that the shelters were already full."
    record = run(text, language="en")
    quote = find(record, text, "shelters were already full")
    assert (quote.kind, quote.speaker) == ("indirect", "The mayor")


@pytest.mark.model
def test_quotes_closing_cue_reports_its_whole_paragraph(run):
    text = (
        "The shelter opened in May.\n\n"
        "The families arrived at night. Most of them slept outside, shelter director Luis Vega said.\n\n"
        "The city sent blankets."
    )
    record = run(text, language="en")
    quote = find(record, text, "slept outside")
    assert text[quote.start : quote.end].startswith("The families arrived")
    assert quote.speaker == "Luis Vega"


@pytest.mark.model
def test_quotes_closing_common_noun_cue_after_a_misparse(run):
    text = "Some 120 travellers crossed the river on Friday, police said."
    record = run(text, language="en")
    quote = find(record, text, "crossed the river")
    assert text[quote.start : quote.end] == "Some 120 travellers crossed the river on Friday"
    assert quote.kind == "indirect"
    assert quote.speaker == "police"


@pytest.mark.model
def test_quotes_no_quote_inside_another_of_the_same_speaker(run):
    text = 'The council accused the mayor on Friday of "ignoring" families and risking "a real disaster".'
    record = run(text, language="en")
    spans = [(q.start, q.end) for q in record.quotes]
    assert spans  # the reported clause is found (it holds the quoted fragments)
    for q in record.quotes:
        assert not any(s <= q.start and q.end <= e and (s, e) != (q.start, q.end) for s, e in spans)


@pytest.mark.model
def test_quotes_contents_never_edge_with_quotation_marks(run):
    text = 'The council accused the mayor on Friday of "ignoring" families and risking "a real disaster".'
    record = run(text, language="en")
    assert record.quotes
    for q in record.quotes:
        assert text[q.start] not in '"“”' and text[q.end - 1] not in '"“”'


@pytest.mark.model
def test_quotes_reported_state_in_passive_is_no_quote(run):
    text = "No one was reported injured." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
@pytest.mark.parametrize("who", ["Nobody", "No one"])
def test_quotes_negative_pronoun_is_never_a_speaker(run, who):
    text = f"{who} said the bridge would reopen soon." + CONTROL
    record = run(text, language="en")
    assert [(text[q.start : q.end], q.speaker) for q in record.quotes] == [
        ("the bridge would reopen soon", None),
        ("the shelter was full", "Ana Ruiz"),
    ]


@pytest.mark.model
def test_quotes_passive_addressee_is_not_the_speaker(run):
    text = "The travellers were told that the camp would close." + CONTROL
    record = run(text, language="en")
    quote = find(record, text, "camp would close")
    assert quote.speaker is None and find(record, text, "shelter was full").speaker == "Ana Ruiz"


@pytest.mark.model
def test_quotes_role_follows_the_age_in_apposition(run):
    text = '"We slept in the rain," said Marta Quispe, 31, a bakery owner.'
    record = run(text, language="en")
    quote = find(record, text, "slept in the rain")
    assert quote.speaker == "Marta Quispe"
    assert quote.speaker_role == "bakery owner"


@pytest.mark.model
def test_quotes_age_alone_is_never_a_role(run):
    text = "Marta Quispe, 31, said the camp was full."
    record = run(text, language="en")
    quote = find(record, text, "camp was full")
    assert (quote.speaker, quote.speaker_role) == ("Marta Quispe", None)


@pytest.mark.model
def test_quotes_passive_subject_without_agent_is_not_the_speaker(run):
    text = "The mayor was accused of hiding the shelter budget from the council." + CONTROL
    record = run(text, language="en")
    quote = find(record, text, "hiding the shelter budget")
    assert quote.speaker is None and find(record, text, "shelter was full").speaker == "Ana Ruiz"


@pytest.mark.model
def test_quotes_passive_cue_with_nothing_reported_gives_no_quote(run):
    text = "Despite two failed votes this spring, the camp closure has barely been mentioned in the campaign." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_seeking_asylum_is_no_quote(run):
    text = "Hundreds of families sought asylum at the border crossing last week." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_asking_for_shelter_is_no_quote(run):
    text = "The travellers asked for shelter at the parish hall." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


# --- issue 9: error classes on unseen articles (sentences written for the tests) --------------------------------


def test_quotes_posts_find_the_signed_text_of_an_embedded_post():
    from caravan.nlp.quotes.posts import find_posts

    text = (
        "The mayor spoke on Monday.\n\n"
        "Skip Twitter post by @anaruiz ....The shelter opens at noon — Ana Ruiz (@anaruiz) May 4, 2021\n\n"
        "Buses left at dawn."
    )
    posts = find_posts(text)
    assert [(text[p.start : p.end], p.name) for p in posts] == [("The shelter opens at noon", "Ana Ruiz")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Spokeswoman Ana Ruiz said the shelter was full.", "Ana Ruiz", "Spokeswoman"),
        ("Deputy Commissioner Luis Vega said the crossing would reopen on Friday.", "Luis Vega", "Deputy Commissioner"),
        ("In Lima, President-elect Marta Solis said she would meet the families.", "Marta Solis", "President-elect"),
    ],
)
def test_quotes_speaker_names_hold_no_title(run, text, speaker, role):
    record = run(text, language="en")
    assert (record.quotes[0].speaker, record.quotes[0].speaker_role) == (speaker, role)


@pytest.mark.model
def test_quotes_embedded_post_belongs_to_the_signing_account(run):
    text = (
        "Border officer Luis Vega said the line was long.\n\n"
        "Nobody should make this trip in winter — Ana Ruiz (@anaruiz) May 4, 2021\n\n"
        "The families waited."
    )
    record = run(text, language="en")
    quote = find(record, text, "make this trip")
    assert (quote.speaker, quote.channel) == ("Ana Ruiz", "Twitter")


@pytest.mark.model
def test_quotes_tweeted_sets_the_channel(run):
    text = "“The bridge is closed until Monday,” Ana Ruiz tweeted."
    record = run(text, language="en")
    assert (record.quotes[0].speaker, record.quotes[0].channel) == ("Ana Ruiz", "Twitter")


@pytest.mark.model
def test_quotes_channel_carries_over_to_the_same_speaker(run):
    text = (
        "Shelter director Luis Vega told the BBC that the families were exhausted.\n\n"
        "Most of them came from the coast, he said."
    )
    record = run(text, language="en")
    assert find(record, text, "Most of them").channel == "BBC"


@pytest.mark.model
def test_quotes_statement_speaks_for_its_author(run):
    text = (
        "The city council said in a statement that the shelter would close.\n\n"
        "“We have no more beds,” the statement said."
    )
    record = run(text, language="en")
    quote = find(record, text, "no more beds")
    assert (quote.speaker, quote.channel) == ("The city council", "statement")


@pytest.mark.model
def test_quotes_organisation_named_once_then_described(run):
    text = (
        "Caminos Abiertos, which organized the march, said the group would rest in the town.\n\n"
        "The organization said the marchers needed water."
    )
    record = run(text, language="en")
    assert find(record, text, "needed water").speaker == "Caminos Abiertos"


@pytest.mark.model
def test_quotes_title_description_resolves_to_the_titled_person(run):
    text = (
        "Interior Secretary Marta Solis visited the camp on Monday.\n\nThe secretary said the families would be moved."
    )
    record = run(text, language="en")
    assert find(record, text, "would be moved").speaker == "Marta Solis"


@pytest.mark.model
def test_quotes_spanish_indirect_speech_has_speaker_and_channel(run):
    text = (
        "El Ministerio del Interior ha informado de que la frontera seguirá cerrada. "
        "Los migrantes durmieron en la plaza, según la Cruz Roja. "
        "La alcaldesa Ana Ruiz advirtió a través de Twitter que no quedan camas en el albergue."
    )
    record = run(text, language="es")
    got = {(text[q.start : q.end][:20], q.speaker, q.channel) for q in record.quotes}
    assert ("la frontera seguirá ", "Ministerio del Interior", None) in got
    assert ("Los migrantes durmie", "Cruz Roja", None) in got
    assert ("no quedan camas en e", "Ana Ruiz", "Twitter") in got


@pytest.mark.model
def test_quotes_pronoun_is_the_person_just_named_not_an_earlier_speaker(run):
    text = (
        "Mayor Luis Vega said the buses would leave at noon.\n\n"
        "Marta Solis, a nurse travelling with the group, was tired after the walk. "
        "“We need water before anything else,” she said."
    )
    record = run(text, language="en")
    assert find(record, text, "need water").speaker == "Marta Solis"


@pytest.mark.model
def test_quotes_channel_of_a_cue_without_quote_carries_to_the_next_quote(run):
    text = (
        "Governor Maria Gonzalez tweeted a message to the families on Friday.\n\n"
        "“Please stay in the shelters tonight,” she wrote."
    )
    record = run(text, language="en")
    assert find(record, text, "stay in the shelters").channel == "Twitter"


@pytest.mark.model
def test_quotes_news_conference_is_a_channel(run):
    text = "“The border stays open,” Luis Vega said during a news conference on Monday."
    record = run(text, language="en")
    assert record.quotes[0].channel == "news conference"


@pytest.mark.model
def test_quotes_spanish_title_before_a_name_is_the_role(run):
    text = "La portavoz Lucía Méndez advirtió que los albergues de la ciudad están llenos."
    record = run(text, language="es")
    assert (record.quotes[0].speaker, record.quotes[0].speaker_role) == ("Lucía Méndez", "portavoz")


@pytest.mark.model
@pytest.mark.parametrize("who", ["Lopez", "She"])
def test_quotes_continued_paragraph_keeps_the_speaker(run, who):
    text = (
        'Families waited at the shelter on Monday. "We walked for nine days," said Maria Lopez, a mother of '
        f'three.\n{who} continued: "The river was high and the children were afraid."'
    )
    record = run(text, language="en")
    continued = find(record, text, "The river was high")
    assert text[continued.start : continued.end] == "The river was high and the children were afraid."
    assert (continued.kind, continued.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_dash_signed_inline_quote_is_attributed(run):
    text = 'Families waited at the shelter on Monday.\n"We will not go back," — Maria Lopez said.'
    quote = find(run(text, language="en"), text, "We will not go back")
    assert (quote.kind, quote.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_dash_signed_quote_without_a_cue_verb_is_attributed(run):
    text = 'Families waited at the shelter on Monday. "We will not go back to Honduras, ever." ― Maria Lopez'
    quote = find(run(text, language="en"), text, "We will not go back")
    assert (quote.kind, quote.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_dash_signed_paragraph_is_attributed_to_the_signature(run):
    text = (
        'Families waited at the shelter on Monday.\n"We will not go back to Honduras. There is nothing there for '
        'us."\n— Maria Lopez, a mother of three\nOfficials said the buses would leave on Tuesday.'
    )
    quote = find(run(text, language="en"), text, "We will not go back")
    assert (quote.kind, quote.speaker, quote.speaker_role) == ("direct", "Maria Lopez", "a mother of three")


@pytest.mark.model
def test_quotes_dash_signed_line_needs_a_quotation_above_it(run):
    text = 'Jose Perez, a driver, said: "The buses leave on Tuesday, with every family on board."\n— Maria Lopez\n'
    quote = find(run(text, language="en"), text, "The buses leave")
    assert (quote.kind, quote.speaker) == ("direct", "Jose Perez")


@pytest.mark.model
def test_quotes_paragraph_ending_in_continued_colon_gives_the_next_paragraph_its_speaker(run):
    text = (
        "Families waited at the shelter on Monday.\nMaria Lopez, a mother of three, continued:\n"
        '"The river was high and the children were afraid."'
    )
    quote = find(run(text, language="en"), text, "The river was high")
    assert (quote.kind, quote.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_dash_signature_glued_to_the_closing_mark_signs_each_quote_of_a_paragraph(run):
    text = (
        "Readers sent us their views on the new asylum rule.\n"
        "“The rule will send families back to danger in Honduras.”― Maria Lopez. "
        "“The shelters in Tijuana are already full of families.” ― Jose Perez"
    )
    record = run(text, language="en")
    assert find(record, text, "send families back").speaker == "Maria Lopez"
    assert find(record, text, "already full").speaker == "Jose Perez"


@pytest.mark.model
def test_quotes_paragraph_of_a_quote_continues_the_speaker_of_a_reported_clause(run):
    text = (
        "Families waited at the shelter on Monday.\nMaria Lopez, a lawyer for the families, said the buses would "
        'leave on Tuesday.\n"The river was high and the children were afraid of the water."'
    )
    quote = find(run(text, language="en"), text, "The river was high")
    assert (quote.kind, quote.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_quote_after_a_reported_sentence_in_its_paragraph_continues_its_speaker(run):
    text = (
        "The buses may leave on Tuesday, Maria Lopez, a lawyer for the families, said. "
        '"The river was high and the children were afraid of the water."'
    )
    quote = find(run(text, language="en"), text, "The river was high")
    assert (quote.kind, quote.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_quote_with_a_sentence_after_it_does_not_continue_the_previous_speaker(run):
    text = (
        "Maria Lopez, a lawyer for the families, said the buses would leave on Tuesday.\n"
        '"Give me your tired and your poor who can stand on their own feet." That line was read by an official '
        "in Washington on Monday."
    )
    quote = find(run(text, language="en"), text, "Give me your tired")
    assert quote.speaker != "Maria Lopez"


@pytest.mark.model
def test_quotes_phrasal_cue_verb_with_its_particle_attributes_a_quote(run):
    text = (
        "“We are trying to find the families a place to sleep,” Maria Lopez told him.\n"
        "“That is not trying very hard, not in four years,” Jose Perez shot back."
    )
    quote = find(run(text, language="en"), text, "not trying very hard")
    assert (quote.kind, quote.speaker) == ("direct", "Jose Perez")


TRANSCRIPT = (
    "Partial transcript as follows:\n\n"
    "MARIA LOPEZ, HOST:\n\n"
    "Families have waited at the shelter for a week. What happens to them now?\n\n"
    "PEREZ: The buses leave on Tuesday for the border.\n\n"
    "They will go whatever the weather does.\n\n"
    "LOPEZ: And the children, will they go with their parents?\n\n"
    "PEREZ: Every family travels together, that is the rule.\n\n"
    "PHOTOS: Migrants at the shelter in Tijuana."
)


@pytest.mark.model
def test_quotes_transcript_turns_are_direct_quotes_of_their_labels(run):
    record = run(TRANSCRIPT, language="en")
    assert find(record, TRANSCRIPT, "What happens to them now").speaker == "Maria Lopez"  # label alone on its line
    assert find(record, TRANSCRIPT, "will they go with").speaker == "Maria Lopez"  # the fuller label's name
    leave = find(record, TRANSCRIPT, "The buses leave")
    assert (leave.kind, leave.speaker) == ("direct", "Perez")
    # a turn runs over its paragraphs to the next label
    assert TRANSCRIPT[leave.start : leave.end].endswith("whatever the weather does.")


@pytest.mark.model
def test_quotes_section_label_in_capitals_is_no_speaker(run):
    record = run(TRANSCRIPT, language="en")
    assert not any("Migrants at the shelter" in content for content, _ in quoted(record, TRANSCRIPT))
    text = "PHOTOS: Migrants at the shelter in Tijuana on Monday, before the buses left." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_quoted_transcript_turn_starts_after_its_label(run):
    text = (
        "Jose Perez, the shelter's director, spoke to reporters on Monday. Partial transcript:\n\n"
        '"PEREZ: The buses leave on Tuesday, with every family on board.'
    )
    quote = find(run(text, language="en"), text, "The buses leave")
    assert (text[quote.start : quote.end], quote.speaker) == (
        "The buses leave on Tuesday, with every family on board.",
        "Jose Perez",
    )


@pytest.mark.model
def test_quotes_label_alone_on_its_line_gives_the_next_paragraph_to_its_speaker(run):
    text = (
        "Jose Perez runs the shelter in Tijuana.\n\nJOSE PEREZ:\n\nThe buses leave on Tuesday, with every family "
        "on board.\n\nThe shelter opened in 2018."
    )
    quote = find(run(text, language="en"), text, "The buses leave")
    assert (text[quote.start : quote.end], quote.speaker) == (
        "The buses leave on Tuesday, with every family on board.",
        "Jose Perez",
    )


@pytest.mark.model
def test_quotes_quote_after_a_sentence_about_someone_else_does_not_continue_the_previous_speaker(run):
    text = (
        "Maria Lopez, a lawyer for the families, said the buses would leave on Tuesday.\n"
        "On Monday, Jose Perez, the shelter's director, visited the families in Tijuana. "
        '"The river was high and the children were afraid of the water."'
    )
    quote = find(run(text, language="en"), text, "The river was high")
    assert quote.speaker != "Maria Lopez"


@pytest.mark.model
def test_quotes_fragment_after_a_stance_verb_is_its_named_subjects(run):
    text = "Sen. Maria Lopez called the decision “a historic humanitarian moment for the families.”"
    quote = find(run(text, language="en"), text, "historic humanitarian moment")
    assert (quote.kind, quote.speaker) == ("direct", "Maria Lopez")


@pytest.mark.model
def test_quotes_fragment_after_a_stance_verb_of_a_thing_has_no_speaker(run):
    text = (
        "Officials read a poem at the shelter in Tijuana, which refers to “huddled masses yearning to breathe free "
        "at the border.”"
    )
    quote = find(run(text, language="en"), text, "huddled masses")
    assert quote.speaker is None


@pytest.mark.model
def test_quotes_according_to_data_from_a_body_is_the_bodys(run):
    text = "In April, 401 migrants asked for asylum at the ports of entry, according to data from the Border Agency."
    quote = find(run(text, language="en"), text, "401 migrants")
    assert quote.speaker == "the Border Agency"


@pytest.mark.model
def test_quotes_according_to_closing_a_sentence_reports_only_what_follows_its_colon(run):
    text = (
        "The law may limit what the army can do: the 1878 Act is viewed as barring the use of troops at the border, "
        "according to a 2013 report by the Research Service."
    )
    quote = find(run(text, language="en"), text, "1878 Act")
    assert text[quote.start : quote.end].startswith("the 1878 Act")
    assert (quote.speaker, quote.channel) == ("the Research Service", "report")
    # the belief nobody is said to hold ("is viewed as") is no report of its own inside it
    assert [q.speaker for _, q in quoted(run(text, language="en"), text)] == ["the Research Service"]


@pytest.mark.model
def test_quotes_document_word_in_another_clause_is_no_channel(run):
    text = (
        "Senator Maria Lopez said the group has reached a deal on the border bill on Sunday, but Senator Jose Perez "
        "has said reports of a deal are premature."
    )
    quote = find(run(text, language="en"), text, "has reached a deal")
    assert (quote.speaker, quote.channel) == ("Maria Lopez", None)


@pytest.mark.model
def test_quotes_reported_clause_of_no_speaker_inside_a_quote_is_left_to_it(run):
    text = "“They say you constantly misstate how much of the wall is built,” Maria Lopez said."
    assert {q.speaker for _, q in quoted(run(text, language="en"), text)} == {"Maria Lopez"}


@pytest.mark.model
def test_quotes_verb_coordinated_with_a_word_of_a_quotation_takes_the_subject_before_it(run):
    text = (
        "Maria Lopez spoke at the shelter on Monday. She tweeted Thursday: “Democrat inspired laws make it tough for "
        "us to stop people at the border” and said she was sending lawyers to the shelter."
    )
    quote = find(run(text, language="en"), text, "sending lawyers")
    assert quote.speaker == "Maria Lopez"


@pytest.mark.model
def test_quotes_verb_coordinated_after_a_quoted_fragment_keeps_its_subject(run):
    text = "Maria Lopez said the ruling was “good news for the families,” but said it would be appealed."
    quote = find(run(text, language="en"), text, "it would be appealed")
    assert quote.speaker == "Maria Lopez"


def _tagged_as_org(pipeline, text: str, name: str, start_at: int):
    """The quotes of a text where the mention of ``name`` after ``start_at`` is tagged ORG by hand."""
    doc = pipeline.make_doc(Article(id="t", text=text, language="en"), "en")
    start = text.index(name, start_at)
    span = doc.char_span(start, start + len(name), label="ORG", alignment_mode="strict")
    doc.ents = [span, *(e for e in doc.ents if e.end <= span.start or e.start >= span.end)]
    finder = next(c for c in pipeline.components if isinstance(c, QuoteFinder))
    return finder(doc)._.quotes


@pytest.mark.model
def test_quotes_person_tagged_as_an_organisation_is_still_the_referent_of_he(pipeline):
    text = (
        "Senator Jose Perez spoke to reporters on Monday.\n\nMaria Lopez, a lawyer, said the shelter was full.\n\n"
        "Perez has used the caravan to bolster his warnings about the border.\n\n"
        "He has claimed that the migrants were among the group."
    )
    quotes = _tagged_as_org(pipeline, text, "Perez", text.index("Perez has"))
    claim = next(q for q in quotes if text[q.start : q.end].startswith("the migrants were"))
    assert claim.speaker == "Jose Perez"


@pytest.mark.model
def test_quotes_description_in_the_lead_stands_for_the_body_named_after_it(run):
    text = (
        "The organization behind the caravan accused the president on Monday of bullying the families.\n\n"
        "Pueblo Unido, which organized the march, said the group would keep walking north.\n\n"
        "“The march will go on to the border,” the organization said.\n\n"
        "It added: “The families are tired and hungry after the long walk.”"
    )
    record = run(text, language="en")
    assert find(record, text, "bullying the families").speaker == "Pueblo Unido"
    assert find(record, text, "tired and hungry").speaker == "Pueblo Unido"


@pytest.mark.parametrize(
    "text",
    [
        "The ad used an image of a crowd of migrants; fact-checkers revealed the picture was taken in Morocco.",
        "The estimates had been smaller before Monday — the agency estimated that 3,000 migrants were in the caravan.",
    ],
)
def test_quotes_clause_before_a_semicolon_or_dash_is_not_part_of_what_the_cue_reports(run, text):
    record = run(text, language="en")
    assert len(record.quotes) == 1
    assert text[record.quotes[0].start : record.quotes[0].end].endswith(("Morocco", "caravan"))


def test_quotes_cue_with_its_own_noun_object_reports_nothing_around_it(run):
    text = "On October 22, as the caravan regrouped at the border, the United Nations estimated its size at 7,000."
    assert_only_the_control(run(text + CONTROL, language="en"), text + CONTROL)


def test_quotes_hard_to_tell_where_is_no_report_but_explaining_how_is(run):
    text = "It is hard to tell where the caravan ends and everyday emigration begins."
    assert_only_the_control(run(text + CONTROL, language="en"), text + CONTROL)
    text = "McAleenan toured the ports and explained how additional troops would help secure the border."
    assert find(run(text, language="en"), text, "additional troops").speaker == "McAleenan"


def test_quotes_admitting_people_to_do_something_is_no_report(run):
    text = "Mexico has begun slowly admitting caravan members to ask for asylum."
    assert_only_the_control(run(text + CONTROL, language="en"), text + CONTROL)


def test_quotes_who_is_led_to_think_something_is_its_source(run):
    text = "The size of the caravan has led a lot of people to assume that someone must be organizing it."
    assert find(run(text, language="en"), text, "someone must be organizing").speaker == "a lot of people"


def test_quotes_according_to_images_from_an_outlet_is_the_outlet(run):
    text = "The migrants began crossing into southern Mexico on Oct. 20, according to images from El Financiero."
    assert find(run(text, language="en"), text, "began crossing").speaker == "El Financiero"


def test_quotes_time_clause_after_a_set_off_cue_is_the_writers_framing(run):
    text = (
        "The administration is considering an order to block the entry of migrants, a person familiar with the "
        "matter said, as thousands of Central Americans make their way north."
    )
    record = run(text, language="en")
    assert not any("thousands of Central Americans" in content for content, _ in quoted(record, text))
    assert find(record, text, "considering an order").speaker == "a person"


def test_quotes_what_an_abstract_fact_shows_is_no_report(run):
    text = "The consideration of such action shows that the cruelty of the policy has no bounds."
    assert_only_the_control(run(text + CONTROL, language="en"), text + CONTROL)
    text = "The report shows that the caravan has grown."
    assert find(run(text, language="en"), text, "caravan has grown").speaker == "The report"


def test_quotes_what_instincts_tell_is_no_report(run):
    text = "Trump's instincts apparently tell him that attacking immigrants will work for him in 2020."
    assert_only_the_control(run(text + CONTROL, language="en"), text + CONTROL)
    text = "His adviser told him that attacking immigrants will work for him in 2020."
    assert find(run(text, language="en"), text, "will work").speaker == "His adviser"


def test_quotes_reported_clause_ends_before_a_conjunction(run):
    text = (
        "Trump also claimed that “ unknown Middle Easterners” were blended in with the thousands of Central"
        " Americans, but later said that there was no evidence to support that assertion."
    )
    contents = [content for content, _ in quoted(run(text, language="en"), text)]
    assert any(content.endswith("thousands of Central Americans") for content in contents), contents


def test_quotes_reported_relative_clause_leaves_out_its_relative_word_and_speaker(run):
    text = "The push is clashing with other goals in ways that detractors say could hurt his reelection bid."
    assert find(run(text, language="en"), text, "reelection").start == text.index("could hurt")


def test_quotes_dash_signature_splits_title_from_name(run):
    text = (
        "The agency changed its rules.\n\n"
        '“If you enter illegally, it is not going to be OK anymore." — Acting ICE Director Thomas Homan'
    )
    quote = find(run(text, language="en"), text, "OK anymore")
    assert (quote.speaker, quote.speaker_role) == ("Thomas Homan", "Acting ICE Director")


@pytest.mark.parametrize("title", ["Candidate", "Acting", "Former"])
def test_quotes_title_word_before_a_name_is_the_role(run, title):
    text = f"{title} Ana Ruiz said the wall would never be built."
    quote = find(run(text, language="en"), text, "wall would never")
    assert (quote.speaker, quote.speaker_role) == ("Ana Ruiz", title)


def test_quotes_post_of_only_a_photo_credit_is_no_quote():
    text = (
        "Photos of the camp.\n\n(: Kim Kyung-Hoon/Reuters) pic.twitter.com/pz7hkxsN9g — NBC News (@NBCNews) November"
        " 25, 2018\n\nThe caravan will not get in, period. pic.twitter.com/abc — Ana Ruiz (@anaruiz) November 25, 2018"
    )
    assert [(text[p.start : p.end], p.name) for p in find_posts(text)] == [
        ("The caravan will not get in, period. pic.twitter.com/abc", "Ana Ruiz")
    ]


def test_quotes_report_inside_a_reported_clause_is_its_own(run):
    text = (
        "Ana Ruiz said the border could be closed as she insisted members of the caravan would not be let into"
        " the United States."
    )
    contents = [content for content, _ in quoted(run(text, language="en"), text)]
    assert "the border could be closed" in contents
    assert "members of the caravan would not be let into the United States" in contents


def test_quotes_that_clause_hung_on_the_verb_after_a_reporting_noun_is_its_content(run):
    text = (
        "Donald Trump has used the caravan to bolster his warnings that the U.S. is being infiltrated by illegal"
        " immigrants “pouring across the border.”"
    )
    quote = find(run(text, language="en"), text, "infiltrated")
    assert text[quote.start : quote.end].startswith("the U.S. is being infiltrated")


def test_quotes_phrase_on_a_set_off_cue_continuing_the_report_is_reported(run):
    text = "DHS asked for help in various forms, the official said, including air transport and other assistance."
    contents = [content for content, _ in quoted(run(text, language="en"), text)]
    assert "including air transport and other assistance" in contents


def test_quotes_calling_for_an_action_is_no_report(run):
    text = "Trump has called for cutting off foreign aid to Guatemala if it does not stop the migrants."
    assert_only_the_control(run(text + CONTROL, language="en"), text + CONTROL)


def test_quotes_participle_of_evidence_is_the_writers_inference(run):
    text = (
        "In December, the Border Patrol announced arrests at the border had fallen to their lowest level since 1971,"
        " apparently indicating that fewer people were attempting the crossing."
    )
    contents = [content for content, _ in quoted(run(text, language="en"), text)]
    assert contents == ["arrests at the border had fallen to their lowest level since 1971"]


def test_quotes_report_ends_before_a_dash_opening_the_writers_comment(run):
    text = (
        "Caravan members say they are fleeing gang violence at home and looking for jobs in the U.S. — neither of"
        " which has traditionally been enough reason to win asylum."
    )
    contents = [content for content, _ in quoted(run(text, language="en"), text)]
    assert contents == ["they are fleeing gang violence at home and looking for jobs in the U.S."]


def test_quotes_participle_of_a_speaker_is_still_a_report(run):
    text = "Romney accused the president of saving the policy change for an election year, suggesting it was a sop."
    assert find(run(text, language="en"), text, "it was a sop").speaker == "Romney"


def test_quotes_short_quoted_name_a_speaker_gave_is_a_quote(run):
    text = "President Trump on Sunday called the caravan a “disgrace” and vowed to stop it."
    assert find(run(text, language="en"), text, "disgrace").speaker == "Trump"
    text = "Barbara Lee described the gassing of “women and children” as an atrocity."
    assert not any(content == "women and children" for content, _ in quoted(run(text, language="en"), text))


@pytest.mark.model
def test_quotes_a_name_the_parser_hung_on_the_cue_before_a_comma_speaks(pipeline):
    """The parser sometimes takes a sentence-opening surname for an interjection ("Trump, meanwhile, ... asserted
    that ..."): the parse is set by hand here, as the model gives it on some articles."""
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from caravan.nlp.quotes.speakers import subject_of

    nlp = pipeline.model_for("en")
    words = ["Donald", "Trump", "spoke", ".", "Trump", ",", "meanwhile", ",", "asserted", "that", "it", "grew", "."]
    heads = [1, 2, 2, 2, 8, 8, 8, 8, 8, 11, 11, 8, 8]
    deps = [
        "compound",
        "nsubj",
        "ROOT",
        "punct",
        "intj",
        "punct",
        "advmod",
        "punct",
        "ROOT",
        "mark",
        "nsubj",
        "ccomp",
        "punct",
    ]

    def parsed(named: bool) -> Doc:
        doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=[1, 0, 0, 0, 1] + [0] * 8)
        doc.ents = [SpacySpan(doc, 0, 2, label="PERSON")] if named else []
        return doc

    doc = parsed(named=True)
    assert subject_of(doc[8]).text == "Trump"
    assert subject_of(doc[2]).text == "Trump"  # its own subject, as before
    assert subject_of(parsed(named=False)[8]) is None  # a word no name of the article holds ("Yes, ...")


@pytest.mark.model
def test_quotes_a_widget_name_is_nobody_s_full_name(pipeline):
    """A "follow this topic" widget ("Add Ana Ruiz as an interest ...") is boilerplate: the name the tagger makes
    of its words ("Add Ana Ruiz", set by hand here as the model tags it on some articles) is nobody's full name."""

    text = (
        "Interested in Ana Ruiz? Add Ana Ruiz as an interest to stay up to date on the latest news and analysis"
        " from Daily One.\n\n"
        "Ruiz said the caravan would arrive on Monday."
    )
    article = Article(id="t", text=text, language="en")
    nlp = pipeline.model_for("en")
    doc = nlp(text)
    start = text.index("Add Ana Ruiz")
    widget = doc.char_span(start, start + len("Add Ana Ruiz"), label="PERSON")
    doc.ents = [widget, *(e for e in doc.ents if e.end <= widget.start or e.start >= widget.end)]
    quotes = pipeline.annotate(doc, article)._.quotes
    (said,) = [q for q in quotes if "the caravan would arrive" in text[q.start : q.end]]
    assert said.speaker == "Ruiz"


@pytest.mark.model
def test_quotes_he_after_a_report_is_the_reporter_not_the_reported_subject(run):
    text = (
        "Mark Diaz, the mayor's chief of staff, claimed on Friday that Senator Ana Ruiz is blocking the deal.\n\n"
        "He alleged that the senate is stalling because Ruiz is waiting for the election.\n\n"
        "“We don’t think they will negotiate before January,” he said."
    )
    record = run(text, language="en")
    assert find(record, text, "the senate is stalling").speaker == "Mark Diaz"
    assert find(record, text, "We don’t think they will negotiate").speaker == "Mark Diaz"


@pytest.mark.model
def test_quotes_carried_on_attributes_the_quote_before_it(run):
    text = "Ana Ruiz spoke on Monday. “Bring our factories back home,” Ruiz carried on."
    record = run(text, language="en")
    assert (find(record, text, "Bring our factories back home").speaker or "").endswith("Ruiz")
    text = "The caravan carried on toward Mexico City on Monday." + CONTROL
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_name_the_tagger_ran_over_a_verb_is_two_names(run):
    text = (
        "“It seems unbelievable,” Anne Rios, an attorney with Al Otro Lado representing Rolando, told the Guardian.\n\n"
        "“I feared I was going to die,” Rolando said."
    )
    record = run(text, language="en")
    assert find(record, text, "I feared").speaker == "Rolando"


@pytest.mark.model
def test_quotes_an_infinitive_cue_a_copula_says_of_its_subject_reports_nothing(run):
    text = (
        "Democrats are to blame for not working with the administration. Trump has been wrong to portray the "
        "migrants as threatening. This is not to say that the plan was unhappy." + CONTROL
    )
    assert_only_the_control(run(text, language="en"), text)


@pytest.mark.model
def test_quotes_a_document_that_says_something_is_its_authors_word(run):
    text = (
        "A Global Rights Monitor report released on Friday alleges that guards beat three detainees.\n\n"
        "A new report by the Migration Research Institute found that most families stayed in Mexico.\n\n"
        "The caravan had grown to 2,000 people, according to the estimates of Reuters reporters.\n\n"
        "The yearly threat assessment of Interpol points out that most drugs enter at ports."
    )
    record = run(text, language="en")
    assert find(record, text, "guards beat three").speaker == "Global Rights Monitor"
    assert find(record, text, "guards beat three").channel == "report"
    assert find(record, text, "most families stayed").speaker == "the Migration Research Institute"
    assert find(record, text, "grown to 2,000").speaker == "Reuters"
    assert find(record, text, "most drugs enter").speaker == "Interpol"


@pytest.mark.model
def test_quotes_a_hyphenated_surname_is_one_name(run):
    text = "“Nobody is coming to help them,” Mrs. Martinez-De-Soto said at the shelter."
    assert find(run(text, language="en"), text, "Nobody is coming").speaker == "Martinez-De-Soto"
