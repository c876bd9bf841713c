"""The answers file: model, vocabulary, validation and cross-field rules."""

from generator.answers.load import load_answers, validate_answers
from generator.answers.model import Antwoorden

__all__ = ["Antwoorden", "load_answers", "validate_answers"]
