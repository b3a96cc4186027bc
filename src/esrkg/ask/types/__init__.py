"""The question types, as data: each declares the frames it answers, its query, its wording and
its examples. Adding a type touches one place: define it in a module and list it here.

Order matters only where two types accept the same frame: yes/no types come before the types
that answer the same claim as a list.
"""

from esrkg.ask.frame import Frame
from esrkg.ask.types.base import QuestionType
from esrkg.ask.types.changes import ESTIMATE_CHANGES
from esrkg.ask.types.comparisons import COMPARISON
from esrkg.ask.types.estimates import ESTIMATE_CHECK, ESTIMATES, RANKING, STATISTIC
from esrkg.ask.types.sheet import (
    COMPONENTS,
    DEFINITION,
    FORMAT_ELEMENTS,
    GLOSSARY,
    MENTIONS,
    ORDER,
    PERSPECTIVES,
    RECOMMENDATIONS,
    RELATIONS,
    SOURCES,
    TAILORING,
    TASK_FORCES,
)
from esrkg.ask.types.verdicts import CHANGE, COUNT, EVIDENCE, ITEMS, LEVEL, LEVEL_CHECK

QUESTION_TYPES: tuple[QuestionType, ...] = (
    LEVEL_CHECK, ESTIMATE_CHECK, ITEMS, LEVEL, CHANGE, EVIDENCE, COUNT, STATISTIC, ESTIMATES, RANKING,
    COMPARISON, ESTIMATE_CHANGES, DEFINITION, GLOSSARY, MENTIONS, RECOMMENDATIONS, TAILORING, COMPONENTS,
    RELATIONS, SOURCES, ORDER, PERSPECTIVES, FORMAT_ELEMENTS, TASK_FORCES,
)
BY_NAME = {t.name: t for t in QUESTION_TYPES}


def route(frame: Frame) -> QuestionType | None:
    """The first question type that answers this frame."""
    return next((t for t in QUESTION_TYPES if t.accepts(frame)), None)
