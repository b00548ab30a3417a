"""Alembic environment: runs on the connection that `loopbaan.store.db` hands over."""

from alembic import context

from loopbaan import models

target_metadata = models.SQLModel.metadata

# Tables that are no models: the full-text index (revision 0003) and FTS5's own
# tables behind it. Autogenerate leaves them alone.
NOT_MODELS = ("search",)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    if type_ == "table" and name is not None:
        return name.split("_")[0] not in NOT_MODELS
    return True


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("no connection handed over and no sqlalchemy.url to open")
        engine = create_engine(url)
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
