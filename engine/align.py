"""Sentence alignment: which sentences of several articles tell the same thing.

Each sentence becomes the sorted set of its content words (lemmas, no function words). One
``rapidfuzz.process.cdist`` call scores every sentence against every sentence of the other
articles with the Indel similarity, which on sorted sets is the Dice coefficient
2|A∩B| / (|A|+|B|). Pairs that pass are merged greedily, best first, into clusters across all
articles at once; a cluster holds at most one sentence per article, except that a sentence
split in two in one article may join its neighbour (1:2). A sentence may stay unaligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from lemminflect import getAllLemmas
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .constants import STOPWORDS
from .model import DEFAULT_LIMITS, Alignment, Cluster, Document, Limits, SentenceRef

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


def content_words(tokens) -> tuple[str, ...]:
    """Sorted, unique lemmas of the content words and numbers among ``tokens``."""
    words = set()
    for tok in tokens:
        if tok.kind == "punct":
            continue
        norm = tok.norm
        norm = norm.removesuffix("'s")
        for part in norm.split("-"):
            part = part.strip("'")
            if not part or part in STOPWORDS:
                continue
            words.add(part if tok.kind == "number" else _lemma(part))
    return tuple(sorted(words))


@dataclass(frozen=True)
class _Node:
    doc: int
    sentence: int
    words: tuple[str, ...]


def _accept(dice: float, size_a: int, size_b: int) -> bool:
    if dice >= PAIR_DICE:
        return True
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

    Returns the alignment and the notices of any work bound that was hit. The result does not
    depend on the order of ``docs``: ties are broken by article id, not position.
    """
    nodes = [_Node(d, s.index, content_words(s.tokens)) for d, doc in enumerate(docs) for s in doc.sentences]
    nodes = [n for n in nodes if n.words]
    notices: list[str] = []
    if len(nodes) ** 2 > limits.max_pairs:
        keep = int(limits.max_pairs**0.5)
        notices.append(
            f"alignment compared only the first {keep} of {len(nodes)} sentences "
            f"(limit of {limits.max_pairs} sentence pairs)"
        )
        nodes = nodes[:keep]
    if len(docs) < 2 or not nodes:
        return Alignment(()), tuple(notices)

    ids = [d.id for d in docs]
    words = [list(n.words) for n in nodes]
    scores = process.cdist(words, words, scorer=Indel.normalized_similarity, dtype=np.float32)
    doc_of = np.array([n.doc for n in nodes])
    scores[doc_of[:, None] == doc_of[None, :]] = 0.0
    sizes = np.array([len(w) for w in words])

    edges = []
    rows, cols = np.nonzero(np.triu(scores >= CONTAINMENT_MIN_DICE, k=1))
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        dice = float(scores[i, j])
        if _accept(dice, int(sizes[i]), int(sizes[j])):
            a, b = nodes[i], nodes[j]
            tie = tuple(sorted([(ids[a.doc], a.sentence), (ids[b.doc], b.sentence)]))
            edges.append((-round(dice, 6), tie, i, j))
    edges.sort()

    def accepted(i: int, j: int) -> bool:
        return _accept(float(scores[i, j]), int(sizes[i]), int(sizes[j]))

    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for _, _, i, j in edges:
        ci, cj = cluster_of.get(i), cluster_of.get(j)
        if ci is None and cj is None:
            members[i] = [i, j]
            cluster_of[i] = cluster_of[j] = i
            continue
        if ci is not None and cj is not None:
            if ci == cj:
                continue
            a_nodes, b_nodes = members[ci], members[cj]
            if {doc_of[x] for x in a_nodes} & {doc_of[x] for x in b_nodes}:
                continue
            cross = [accepted(x, y) for x in a_nodes for y in b_nodes]
            # Merge two clusters only when most of their sentences agree, to avoid chaining.
            if sum(cross) * 2 < len(cross):
                continue
            for x in b_nodes:
                cluster_of[x] = ci
            a_nodes.extend(b_nodes)
            del members[cj]
            continue
        anchor, newcomer = (ci, j) if ci is not None else (cj, i)
        group = members[anchor]
        if doc_of[newcomer] in {doc_of[x] for x in group}:
            continue
        if sum(accepted(newcomer, x) for x in group) * 2 < len(group):
            continue
        group.append(newcomer)
        cluster_of[newcomer] = anchor

    _attach_split_halves(docs, nodes, members, cluster_of)

    clusters = []
    for group in members.values():
        refs = sorted({(ids[nodes[x].doc], nodes[x].sentence, x) for x in group})
        pair_scores = [
            float(scores[x, y]) for k, x in enumerate(group) for y in group[k + 1 :] if doc_of[x] != doc_of[y]
        ]
        score = sum(pair_scores) / len(pair_scores) if pair_scores else 0.0
        clusters.append((refs, round(score, 3)))
    # Order clusters by where they start in the articles, in the articles' id order.
    clusters.sort(key=lambda c: [(r[0], r[1]) for r in c[0]])
    order = {aid: k for k, aid in enumerate(ids)}
    result = []
    for k, (refs, score) in enumerate(clusters):
        refs_sorted = sorted(refs, key=lambda r: (order[r[0]], r[1]))
        result.append(
            Cluster(
                id=f"c{k + 1}",
                members=tuple(SentenceRef(r[0], r[1]) for r in refs_sorted),
                score=score,
            )
        )
    return Alignment(tuple(result)), tuple(notices)


def _attach_split_halves(docs, nodes, members, cluster_of) -> None:
    """Let a sentence join its neighbour's cluster when the two together tell what one
    sentence of another article tells (a sentence split in one article, merged in another)."""
    index = {(n.doc, n.sentence): k for k, n in enumerate(nodes)}
    for anchor, group in list(members.items()):
        for x in list(group):
            node = nodes[x]
            for step in (-1, 1):
                nb = index.get((node.doc, node.sentence + step))
                if nb is None or nb in cluster_of:
                    continue
                nb_words = set(nodes[nb].words)
                pair = set(node.words) | nb_words
                for y in group:
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
                        group.append(nb)
                        cluster_of[nb] = anchor
                        break
