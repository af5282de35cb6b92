"""Sentence alignment across articles."""

from pathlib import Path

from engine import Article, align, analyse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def aligned_texts(texts: dict[str, str]) -> list[set[tuple[str, str]]]:
    docs = [analyse(Article(k, v)) for k, v in texts.items()]
    by_id = {d.id: d for d in docs}
    alignment, _ = align(docs)
    return [
        {(m.article_id, by_id[m.article_id].sentences[m.sentence].text) for m in c.members}
        for c in alignment.clusters
    ]


def test_same_event_aligns_across_tense_and_rewording():
    clusters = aligned_texts(
        {
            "a": "The council approved the new budget for schools on Monday. Rain fell.",
            "b": "Snow is expected. On Monday the council approves a new schools budget.",
        }
    )
    assert {
        ("a", "The council approved the new budget for schools on Monday."),
        ("b", "On Monday the council approves a new schools budget."),
    } in clusters
    assert all(("a", "Rain fell.") not in c for c in clusters)


def test_unrelated_sentences_stay_unaligned():
    clusters = aligned_texts(
        {
            "a": "The mayor opened a bridge over the river.",
            "b": "Farmers expect a record wheat harvest this autumn.",
        }
    )
    assert clusters == []


def test_a_split_sentence_aligns_with_both_halves():
    clusters = aligned_texts(
        {
            "a": "The minister resigned on Friday after the audit found missing hospital funds.",
            "b": "The minister resigned on Friday. The audit had found missing hospital funds.",
        }
    )
    assert clusters == [
        {
            ("a", "The minister resigned on Friday after the audit found missing hospital funds."),
            ("b", "The minister resigned on Friday."),
            ("b", "The audit had found missing hospital funds."),
        }
    ]


def test_three_articles_form_one_cluster_not_pairs():
    clusters = aligned_texts(
        {
            "a": "Firefighters rescued twelve miners trapped underground in the flooded mine.",
            "b": "Twelve miners trapped underground in a flooded mine were rescued by firefighters.",
            "c": "Firefighters have rescued 12 miners who were trapped underground in the flooded mine.",
        }
    )
    assert len(clusters) == 1
    assert {aid for aid, _ in clusters[0]} == {"a", "b", "c"}


def test_alignment_does_not_depend_on_article_order():
    texts = {
        "x": "The bank raised rates to 5 per cent. Markets fell sharply.",
        "y": "Markets fell sharply on the news. The bank has raised rates to 5.25 per cent.",
        "z": "The central bank raised its rate to 5 per cent on Thursday.",
    }
    forward = aligned_texts(texts)
    backward = aligned_texts(dict(reversed(list(texts.items()))))
    assert sorted(map(sorted, forward)) == sorted(map(sorted, backward))


def read_seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_seed_pair_alignment():
    a, b = read_seed("000"), read_seed("002")
    docs = [analyse(Article("a", a)), analyse(Article("b", b))]
    alignment, notices = align(docs)
    assert notices == ()

    def cluster_with(article: str, words: str):
        doc = docs[0] if article == "a" else docs[1]
        hits = [
            c
            for c in alignment.clusters
            for m in c.members
            if m.article_id == article and words in doc.sentences[m.sentence].text
        ]
        return hits[0] if hits else None

    plan = cluster_with("a", "flexible foreign policy plan")
    assert plan is not None and plan is cluster_with("b", "flexible foreign policy plan")
    policy = cluster_with("a", "2023-28 policy essentially extended")
    assert policy is not None and policy is cluster_with("b", "2023-2028 policy essentially extends")
    # Kin Phea's paragraphs have no counterpart in the other article.
    assert cluster_with("a", "Kin Phea") is None
    assert cluster_with("a", "diplomatic diversification") is None
