"""wordmill on a pandas DataFrame: df["text"] in, analysis columns out, no Python loop.

The text column goes to Pipeline.analyze_arrow as Arrow data (read in place when pandas
stores it in Arrow, as pandas 3 does for str columns), and the RecordBatch that comes back
becomes the new columns:

    >>> import pandas as pd, wordmill
    >>> df = pd.DataFrame({"id": [1, 2], "text": ["The talks in Muscat went well.", "محادثات مسقط"]})
    >>> out = analyse(df, wordmill.Pipeline(), top=2)
    >>> out[["id", "lang", "script", "token_count"]].values.tolist()
    [[1, 'eng', 'Latin', 6], [2, 'ara', 'Arabic', 2]]
    >>> out.loc[0, "terms"][0]  # top 2, ties alphabetically
    {'term': 'muscat', 'count': 1}

Run it: python3 python/examples/pandas_columns.py
"""

import pandas as pd
import pyarrow as pa

import wordmill


def analyse(df: pd.DataFrame, pipeline: wordmill.Pipeline, column: str = "text", top: int = 10) -> pd.DataFrame:
    """`df` with the analysis of `df[column]` as new columns: lang, script, confidence,
    reliable, token_count, term_count, and terms (the `top` most frequent, as a list of
    {"term", "count"} dicts)."""
    texts = df[column]
    # pandas Series export Arrow data (__arrow_c_stream__) from pandas 3 on; before, convert.
    arrow = texts if hasattr(texts, "__arrow_c_stream__") else pa.array(texts, from_pandas=True)
    columns = pipeline.analyze_arrow(arrow, top=top).to_pandas()
    columns.index = df.index
    return df.join(columns)


if __name__ == "__main__":
    frame = pd.DataFrame({
        "id": ["om-1", "om-2", "om-3"],
        "text": [
            "Oman’s foreign minister held talks with his Russian counterpart in Muscat.",
            "سلطنة عُمان وروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط",
            "Der Minister sagte, die Gespräche seien gut verlaufen.",
        ],
    })
    print(analyse(frame, wordmill.Pipeline(), top=3).to_string())
