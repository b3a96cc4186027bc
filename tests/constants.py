"""Named IRIs and paths the tests share (one place, not strings scattered through tests)."""

from pathlib import Path

from esrkg.namespaces import ESR

TESTS_DIR = Path(__file__).resolve().parent
FIXTURES_DIR = TESTS_DIR / "fixtures"
COMPETENCY_QUESTIONS = TESTS_DIR / "competency-questions.yaml"

TF1 = ESR["TF1-2002"]
TF2 = ESR["TF2-2011"]
TF3 = ESR["TF3-2018"]
EMPATHY = ESR["empathy"]
ALLIANCE = ESR["therapeutic-alliance"]
PREFERENCES = ESR["preferences"]
PREFERENCES_ADAPTATION = ESR["preferences-adaptation"]
SELF_DISCLOSURE = ESR["self-disclosure"]
DEMONSTRABLY_EFFECTIVE = ESR["demonstrably-effective"]
