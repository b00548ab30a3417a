# Tables that are no models: the full-text index of revision 0003 and the tables
# FTS5 keeps behind it (search_data, search_idx, …). Comparing the schema with the
# models (autogenerate, tests/test_store_schema.py) leaves them alone.
NOT_MODELS = ("search",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    if type_ == "table" and name is not None:
        return name.split("_")[0] not in NOT_MODELS
    return True
