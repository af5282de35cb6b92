"""Sentence alignment: which sentences of several articles tell the same thing.

Each sentence becomes the sorted set of its content words (lemmas, no function words), and
sentences are compared with rapidfuzz's Indel similarity, which on sorted sets is the Dice
coefficient 2|A∩B| / (|A|+|B|). Clusters are built across all articles at once: each article in
turn is scored with one ``process.cdist`` call against the clusters found so far and joins them
best pair first. A cluster holds at most one sentence per article, except that a sentence split
in two in one article may join its neighbour (1:2). A sentence may stay unaligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

import numpy as np
from lemminflect import getAllLemmas
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .constants import STOPWORDS
from .model import DEFAULT_LIMITS, Alignment, Cluster, Document, Limits, SentenceRef
from .text import ChunkTable, norm_and_kind

# A pair aligns when its Dice coefficient reaches PAIR_DICE, or when the smaller sentence is
# mostly contained in the larger (a short restatement of a long sentence) with enough words.
PAIR_DICE = 0.5
CONTAINMENT = 0.6
CONTAINMENT_MIN_SHARED = 4
CONTAINMENT_MIN_DICE = 0.3
# A neighbour joins as the second half of a split sentence when it is this contained.
SPLIT_CONTAINMENT = 0.6
SPLIT_MIN_SHARED = 3


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    lemmas = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "AUX", "ADJ"):
        if pos in lemmas:
            return lemmas[pos][0]
    return word


def _content_parts(surface: str) -> tuple[str, ...]:
    """The content words a token with this text contributes: hyphenated parts, no possessive,
    lemmatised; none for punctuation. Keyed by the text alone, from which the text layer
    derives a token's comparison form and kind."""
    norm, kind = norm_and_kind(surface)
    if kind == "punct":
        return ()
    parts = []
    for part in norm.removesuffix("'s").split("-"):
        part = part.strip("'")
        if part and part not in STOPWORDS:
            parts.append(part if kind == "number" else _lemma(part))
    return tuple(parts)


# Read per token text with a C-level map. The text layer takes token texts from its table of
# chunks, so most are strings met before, whose hash is kept and which compare by identity: a
# plain dict lookup then costs about half an ``lru_cache`` hit.
_CONTENT_PARTS = ChunkTable(_content_parts)
_TEXT = itemgetter(2)  # a token's text: Token is a named tuple, and itemgetter skips the name


def content_words(tokens) -> tuple[str, ...]:
    """Sorted, unique lemmas of the content words and numbers among ``tokens``."""
    # Called for every sentence: the per-token work stays in C (itemgetter, the table lookup,
    # chain) rather than in a Python loop.
    parts = map(_CONTENT_PARTS.__getitem__, map(_TEXT, tokens))
    return tuple(sorted(set(chain.from_iterable(parts))))


class _Node(NamedTuple):
    doc: int
    sentence: int
    words: tuple[str, ...]


def _nodes(docs: Sequence[Document]) -> list[list[_Node]]:
    """Per article, a node for each sentence with content words.

    The words are worked out once per distinct sentence text: articles about one story often
    repeat sentences word for word (a wire story and its republications share most of them).
    """
    new = tuple.__new__  # skips the named tuple's Python __new__, once per sentence
    words_of: dict[str, tuple[str, ...]] = {}
    by_doc = []
    for d, doc in enumerate(docs):
        nodes = []
        for sentence in doc.sentences:
            words = words_of.get(sentence.text)
            if words is None:
                words = words_of[sentence.text] = content_words(sentence.tokens)
            if words:
                nodes.append(new(_Node, (d, sentence.index, words)))
        by_doc.append(nodes)
    return by_doc


def _contained(dice: float, size_a: int, size_b: int) -> bool:
    """Whether the smaller of two sentences is mostly contained in the larger, sharing enough
    words: the test for a pair below PAIR_DICE."""
    shared = dice * (size_a + size_b) / 2
    smaller = min(size_a, size_b)
    return (
        dice >= CONTAINMENT_MIN_DICE
        and shared >= CONTAINMENT_MIN_SHARED - 1e-9
        and smaller > 0
        and shared / smaller >= CONTAINMENT
    )


def _dice(a: set[str], b: set[str]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def align(docs: Sequence[Document], *, limits: Limits = DEFAULT_LIMITS) -> tuple[Alignment, tuple[str, ...]]:
    """Cluster the sentences of ``docs`` that report the same thing.

    Articles are taken longest first (ties by id), so the result does not depend on the order
    of ``docs``. Each article's sentences are scored in one ``cdist`` call against up to
    ``REPRESENTATIVES`` sentences of every cluster so far, and joined best first, one sentence
    per cluster and article; the rest open new clusters. The work grows linearly with the
    number of articles. Returns the alignment and the notices of any work bound that was hit.
    """
    notices: list[str] = []
    by_doc = _nodes(docs)
    order = sorted(range(len(docs)), key=lambda d: (-len(by_doc[d]), docs[d].id))

    nodes: list[_Node] = []
    groups: list[_Group] = []
    reps = 0  # representatives of all groups
    pairs_scored = 0
    for d in order:
        incoming = by_doc[d]
        if not incoming:
            continue
        joined: dict[int, tuple[int, float]] = {}  # index in incoming -> (group, similarity)
        if reps:
            if pairs_scored + len(incoming) * reps > limits.max_pairs:
                notices.append(
                    f"alignment left article {docs[d].id!r} out: the limit of {limits.max_pairs} "
                    "sentence pairs was reached"
                )
                continue
            pairs_scored += len(incoming) * reps
            joined = _join(incoming, groups)
        first = len(nodes)
        nodes.extend(incoming)
        for k, node in enumerate(incoming):
            if k not in joined:
                groups.append(_Group(first + k, node.words))
                reps += 1
                continue
            g, similarity = joined[k]
            group = groups[g]
            group.scores.append(similarity)
            group.members.append(first + k)
            if group.rep_count < REPRESENTATIVES:
                group.add_rep(node.words)
                reps += 1

    # A group takes at most one sentence of each article, so one of several members is one
    # of several articles.
    multi = [g for g in groups if len(g.members) > 1]
    _attach_split_halves(nodes, multi)
    return _clusters(docs, nodes, multi), tuple(notices)


# A cluster is compared through its first few sentences: enough to be robust to one odd
# rewording, few enough that the work per article stays bounded.
REPRESENTATIVES = 3


class _Group:
    """A cluster in the making, opened by one sentence. A plain slotted class: one is built
    for most sentences, and a dataclass's generated ``__init__`` with its list factories cost
    several times more.

    Its representatives are the words of its first few members. Each distinct words tuple
    among them is kept once, with the number of members it stands for: it is scored once,
    where a cluster of articles that repeat each other would otherwise score the same sentence
    several times per group.
    """

    __slots__ = ("members", "rep_count", "reps", "scores", "weights")

    def __init__(self, first: int, words: tuple[str, ...]) -> None:
        self.members = [first]  # node numbers
        self.rep_count = 1  # representatives, each one counted
        self.reps = [words]  # the distinct words among them
        self.weights = [1]  # how many representatives each of ``reps`` stands for
        self.scores: list[float] = []  # the similarity with which each later member joined

    def add_rep(self, words: tuple[str, ...]) -> None:
        self.rep_count += 1
        for k, known in enumerate(self.reps):
            if known == words:
                self.weights[k] += 1
                return
        self.reps.append(words)
        self.weights.append(1)


def _join(incoming: list[_Node], groups: list[_Group]) -> dict[int, tuple[int, float]]:
    """Which group each incoming sentence joins, with its best similarity to the group's
    representatives: best pairs first, one sentence per group. A group is a candidate when
    at least half its representatives accept the sentence."""
    reps = [words for group in groups for words in group.reps]
    owner = [g for g, group in enumerate(groups) for _ in group.reps]
    weight = [w for group in groups for w in group.weights]
    queries = [n.words for n in incoming]
    sizes = list(map(len, queries))
    rep_sizes = list(map(len, reps))
    # cdist reads tuples of words as it reads lists: sequences of hashable items
    scores = process.cdist(queries, reps, scorer=Indel.normalized_similarity, dtype=np.float32)
    rows, cols = np.nonzero(scores >= CONTAINMENT_MIN_DICE)
    # Plain Python values for the loop: indexing the array one element at a time costs more
    # than everything else the loop does.
    best: dict[tuple[int, int], float] = {}
    passed: dict[tuple[int, int], int] = {}
    for i, r, dice in zip(rows.tolist(), cols.tolist(), scores[rows, cols].tolist(), strict=True):
        if dice < PAIR_DICE and not _contained(dice, sizes[i], rep_sizes[r]):
            continue
        key = (i, owner[r])
        if key in best:
            passed[key] += weight[r]
            if dice > best[key]:
                best[key] = dice
        else:
            passed[key] = weight[r]
            best[key] = dice
    candidates = sorted(
        (-dice, i, g) for (i, g), dice in best.items() if passed[(i, g)] * 2 >= groups[g].rep_count
    )
    joined: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for negative, i, g in candidates:
        if i in joined or g in taken:
            continue
        joined[i] = (g, -negative)
        taken.add(g)
    return joined


def _clusters(docs: Sequence[Document], nodes: list[_Node], groups: list[_Group]) -> Alignment:
    ids = [d.id for d in docs]
    found = []
    for group in groups:
        # A node's article is its position in ``docs``: sorting the pairs orders the members
        # as the input does, and the same pairs by article id give where the cluster starts.
        members = sorted([(nodes[x].doc, nodes[x].sentence) for x in group.members])
        start = min([(ids[d], s) for d, s in members])
        score = sum(group.scores) / len(group.scores) if group.scores else 0.0
        found.append((start, round(score, 3), members))
    # Number clusters by where they start, reading articles in id order: independent of input
    # order. No two clusters start at the same sentence, so the sort reads nothing else.
    found.sort()
    clusters = []
    for k, (_, score, members) in enumerate(found, 1):
        refs = tuple([SentenceRef(ids[d], s) for d, s in members])
        clusters.append(Cluster(f"c{k}", refs, score))
    return Alignment(tuple(clusters))


def _attach_split_halves(nodes: list[_Node], groups: list[_Group]) -> None:
    """Let a sentence join its neighbour's cluster when the two together tell what one
    sentence of another article tells (a sentence split in one article, merged in another)."""
    clustered = {x for g in groups for x in g.members}
    for group in groups:
        for x in list(group.members):
            node = nodes[x]
            for step in (-1, 1):
                # An article's nodes are numbered in the order of its sentences, so the
                # neighbouring sentence, if it has a node, has the neighbouring number.
                nb = x + step
                if not 0 <= nb < len(nodes) or nb in clustered:
                    continue
                neighbour = nodes[nb]
                if neighbour.doc != node.doc or neighbour.sentence != node.sentence + step:
                    continue
                nb_words = set(neighbour.words)
                pair = set(node.words) | nb_words
                for y in group.members:
                    other = nodes[y]
                    if other.doc == node.doc:
                        continue
                    target = set(other.words)
                    shared = len(nb_words & target)
                    if (
                        shared >= SPLIT_MIN_SHARED
                        and shared / len(nb_words) >= SPLIT_CONTAINMENT
                        and _dice(pair, target) > _dice(set(node.words), target)
                    ):
                        group.members.append(nb)
                        clustered.add(nb)
                        break


def reworded_sentences(docs: Sequence[Document], alignment: Alignment) -> dict[str, frozenset[int]]:
    """Per article, the indices of its sentences in clusters that are not the same sentence
    word for word in every article (articles with none are absent).

    A check that compares only the wording of aligned sentences reads nothing else: a cluster
    whose articles each give one identical sentence cannot disagree with itself.
    """
    text_of = {d.id: d.sentences for d in docs}
    out: dict[str, set[int]] = {}
    for cluster in alignment.clusters:
        members = cluster.members
        texts = {text_of[m.article_id][m.sentence].text for m in members}
        if len(texts) == 1 and len(cluster.article_ids) == len(members):
            continue
        for m in members:
            out.setdefault(m.article_id, set()).add(m.sentence)
    return {aid: frozenset(found) for aid, found in out.items()}
