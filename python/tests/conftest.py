"""Shared fixtures: the repository's NTREX sample and a default pipeline."""

import pytest

import wordmill
from ntrex import ntrex_documents


@pytest.fixture(scope="session")
def pipeline():
    return wordmill.Pipeline()


@pytest.fixture(scope="session")
def documents():
    """About 3,800 documents of about 1 KB from corpus/ntrex, 65 languages."""
    return ntrex_documents()
