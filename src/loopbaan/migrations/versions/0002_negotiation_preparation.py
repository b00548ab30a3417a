"""a negotiation's preparation on the conversation

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00.000000

Five text columns, NOT NULL with the default '': SQLite adds such a column in
place (ALTER TABLE ADD COLUMN, no copy of the table), and every existing
conversation reads '' in each. Nothing else in the journal is touched.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("want", "their_interest", "alternative", "offer", "walk_away")


def upgrade() -> None:
    for name in COLUMNS:
        # op.add_column, not a batch: a plain ALTER TABLE keeps every row and index as it is.
        op.add_column(
            "conversation",
            sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""),
        )


def downgrade() -> None:
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
