"""wordmill on a Hugging Face dataset: Dataset.map(batched=True) over Arrow batches.

In the "arrow" format each batch is a pyarrow Table, so its text column goes to
Pipeline.analyze_arrow without a Python loop or copy, and the RecordBatch that comes back
adds the analysis columns; corpus statistics are counted on the way.

    >>> from datasets import Dataset
    >>> import wordmill
    >>> ds = Dataset.from_dict({"text": ["The talks in Muscat went well.", "محادثات مسقط", "Rain in Oman."]})
    >>> analysed, stats = analyse(ds, wordmill.Pipeline(), top=2, batch_size=2)
    >>> list(analysed["lang"]), stats.documents, stats.document_frequency("muscat")
    (['eng', 'ara', 'eng'], 3, 1)

Run it: python3 python/examples/datasets_map.py
"""

import pyarrow as pa
from datasets import Dataset

import wordmill


def analyse(ds: Dataset, pipeline: wordmill.Pipeline, column: str = "text", top: int = 10, batch_size: int = 1000):
    """`ds` with the analysis of `ds[column]` as new columns (lang, script, confidence,
    reliable, token_count, term_count, terms), and the statistics of all its documents."""
    stats = wordmill.CorpusStats()

    def add_analysis(batch: pa.Table) -> pa.Table:
        out = pipeline.analyze_arrow(batch[column], top=top, stats=stats)
        for name, values in zip(out.schema.names, out.columns):
            batch = batch.append_column(name, values)
        return batch

    # new_fingerprint: the function holds a pipeline and running statistics, which datasets
    # cannot hash to name a cache; in-memory datasets are not cached anyway.
    analysed = ds.with_format("arrow").map(
        add_analysis, batched=True, batch_size=batch_size, new_fingerprint=f"wordmill-{id(stats)}"
    )
    return analysed.with_format(None), stats


if __name__ == "__main__":
    dataset = Dataset.from_dict({
        "text": [
            "Oman’s foreign minister held talks with his Russian counterpart in Muscat.",
            "سلطنة عُمان وروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط",
            "Der Minister sagte, die Gespräche seien gut verlaufen.",
        ]
    })
    result, corpus = analyse(dataset, wordmill.Pipeline(), top=3)
    for row in result:
        print(row["lang"], row["token_count"], row["terms"])
    print(corpus)
