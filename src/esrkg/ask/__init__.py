"""Ask: questions in plain words -> a typed frame -> composed SPARQL -> answers, with the query shown
and a sentence saying how the question was read."""

from esrkg.ask.answerer import QuestionAnswerer, execute
from esrkg.ask.result import AskResult

__all__ = ["AskResult", "QuestionAnswerer", "execute"]
