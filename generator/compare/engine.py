"""Compare two assembled packages part by part (clause id), paragraph by paragraph, word by word. Pure."""

from __future__ import annotations

from difflib import SequenceMatcher

from generator.compare import words
from generator.compare.layout import Part, Styled, parts
from generator.comparison import (
    Change,
    DocumentComparison,
    DocumentStatus,
    PackageComparison,
    ParagraphChange,
    PartComparison,
    Status,
)
from generator.document import Document

# Two paragraphs at the same place are shown as one edited paragraph when they share at least
# this share of their words; below it, as a deleted and an inserted paragraph.
SAME_PARAGRAPH = 0.5


def compare_packages(old: list[Document], new: list[Document]) -> PackageComparison:
    """Every document of NIEUW compared with OUD's document of the same key, in NIEUW's order,
    followed by the documents only OUD has (shown as wholly deleted)."""
    old_by_key = {d.sleutel: d for d in old}
    new_keys = {d.sleutel for d in new}
    result = [compare_documents(old_by_key.get(d.sleutel), d) for d in new]
    result += [compare_documents(d, None) for d in old if d.sleutel not in new_keys]
    return PackageComparison(tuple(result))


def compare_documents(old: Document | None, new: Document | None) -> DocumentComparison:
    """One document against its other version; None when that package lacks it."""
    if old is None and new is None:
        raise ValueError("compare_documents needs at least one document")
    shown = new if new is not None else old
    assert shown is not None
    old_parts = parts(old) if old is not None else []
    new_parts = parts(new) if new is not None else []
    compared = tuple(_align_parts(old_parts, new_parts))
    status: DocumentStatus
    if old is None:
        status = "inserted"
    elif new is None:
        status = "deleted"
    else:
        status = "changed" if any(p.status != "same" for p in compared) else "same"
    return DocumentComparison(shown.sleutel, shown.bestand, shown.titel, shown.ondertitel, shown.koptekst,
                              status, compared)


def _align_parts(old: list[Part], new: list[Part]) -> list[PartComparison]:
    old_keys, new_keys = [p.sleutel for p in old], [p.sleutel for p in new]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    result: list[PartComparison] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [_compare_part(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True)]
            continue
        for part in old[i1:i2]:
            moved = part.sleutel in new_keys
            result.append(_whole(part, "deleted", "moved_from" if moved else "deleted",
                                 _number(new, part.sleutel) if moved else None))
        for part in new[j1:j2]:
            moved = part.sleutel in old_keys
            result.append(_whole(part, "inserted", "moved_to" if moved else "inserted",
                                 _number(old, part.sleutel) if moved else None))
    return result


def _number(others: list[Part], sleutel: str) -> int | None:
    return next((p.nummer for p in others if p.sleutel == sleutel), None)


def _whole(part: Part, change: Change, status: Status, other_number: int | None) -> PartComparison:
    paragraphs = tuple(ParagraphChange(s.stijl, words.whole(s.runs, change), change, vet=s.vet)
                       for s in part.paragraphs)
    if change == "inserted":
        return PartComparison(part.sleutel, part.soort, part.titel, status, other_number, part.nummer, paragraphs)
    return PartComparison(part.sleutel, part.soort, part.titel, status, part.nummer, other_number, paragraphs)


def _compare_part(old: Part, new: Part) -> PartComparison:
    paragraphs = tuple(compare_paragraphs(list(old.paragraphs), list(new.paragraphs)))
    status: Status = "changed" if any(p.changed for p in paragraphs) else "same"
    return PartComparison(new.sleutel, new.soort, new.titel, status, old.nummer, new.nummer, paragraphs)


def compare_paragraphs(old: list[Styled], new: list[Styled]) -> list[ParagraphChange]:
    """Aligned on their text; paragraphs in a replaced stretch pair up when similar enough."""
    matcher = SequenceMatcher(None, [p.text for p in old], [p.text for p in new], autojunk=False)
    result: list[ParagraphChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [_kept(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True)]
        else:
            result += _replaced(old[i1:i2], new[j1:j2])
    return result


def _kept(old: Styled, new: Styled) -> ParagraphChange:
    pieces = words.diff(old.runs, new.runs) if old.runs != new.runs else words.whole(new.runs, "same")
    oude_stijl = old.stijl if old.stijl != new.stijl else None
    return ParagraphChange(new.stijl, pieces, "same", oude_stijl, vet=new.vet)


def _removed(p: Styled) -> ParagraphChange:
    return ParagraphChange(p.stijl, words.whole(p.runs, "deleted"), "deleted", vet=p.vet)


def _added(p: Styled) -> ParagraphChange:
    return ParagraphChange(p.stijl, words.whole(p.runs, "inserted"), "inserted", vet=p.vet)


def _replaced(old: list[Styled], new: list[Styled]) -> list[ParagraphChange]:
    """Pair the most similar paragraphs in order (a small alignment by dynamic programming);
    the rest are deleted or inserted, deletions first."""
    pairs = _best_pairs(old, new)
    result: list[ParagraphChange] = []
    i = j = 0
    for pi, pj in [*pairs, (len(old), len(new))]:
        result += [_removed(p) for p in old[i:pi]]
        result += [_added(p) for p in new[j:pj]]
        if pi < len(old):
            result.append(_kept(old[pi], new[pj]))
        i, j = pi + 1, pj + 1
    return result


def _best_pairs(old: list[Styled], new: list[Styled]) -> list[tuple[int, int]]:
    n, m = len(old), len(new)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            ratio = words.similarity(old[i].runs, new[j].runs)
            take = score[i + 1][j + 1] + ratio if ratio >= SAME_PARAGRAPH else -1.0
            score[i][j] = max(take, score[i + 1][j], score[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        ratio = words.similarity(old[i].runs, new[j].runs)
        if ratio >= SAME_PARAGRAPH and score[i][j] == score[i + 1][j + 1] + ratio:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def differing_parts(old: list[Document], new: list[Document]) -> set[tuple[str, str]]:
    """(document key, part key) of every part that differs, moved parts included: what
    `compare_packages` reports as not "same", found without diffing the words (fast)."""
    result: set[tuple[str, str]] = set()
    old_by_key, new_by_key = {d.sleutel: d for d in old}, {d.sleutel: d for d in new}
    for key in old_by_key.keys() | new_by_key.keys():
        a = {p.sleutel: p for p in parts(old_by_key[key])} if key in old_by_key else {}
        b = {p.sleutel: p for p in parts(new_by_key[key])} if key in new_by_key else {}
        result |= {(key, k) for k in a.keys() ^ b.keys()}
        common = [k for k in a if k in b]
        moved = _moved(list(a), list(b))
        result |= {(key, k) for k in common if k in moved or a[k].paragraphs != b[k].paragraphs}
    return result


def _moved(old_order: list[str], new_order: list[str]) -> set[str]:
    matcher = SequenceMatcher(None, old_order, new_order, autojunk=False)
    kept = {k for block in matcher.get_matching_blocks() for k in old_order[block.a:block.a + block.size]}
    return (set(old_order) & set(new_order)) - kept
