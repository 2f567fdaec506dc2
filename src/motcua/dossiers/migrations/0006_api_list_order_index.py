"""The API list's default order (received_at DESC NULLS LAST, id DESC) served by an index on
PostgreSQL, instead of a sort of every visible dossier. SQLite cannot index NULLS LAST; there
DESC already puts NULLs last and the existing (received_at, id) index, read backwards, serves it."""

from django.db import migrations

INDEX = "dossier_api_list_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "dossiers_dossier" '
            '("received_at" DESC NULLS LAST, "id" DESC)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0005_early_warning_norms")]

    operations = [migrations.RunPython(create, drop)]
