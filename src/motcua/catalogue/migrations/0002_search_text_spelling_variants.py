"""Recompute `search_text` with `domain.search_key` (i/y and "dd" spelling variants)."""

from django.db import migrations


def recompute(apps, schema_editor):
    from motcua.catalogue.domain import search_key

    Version = apps.get_model("catalogue", "ProcedureVersion")
    for v in Version.objects.select_related("procedure", "field").iterator():
        parts = [v.procedure.national_code, v.name, v.field.name if v.field_id else "", v.agency]
        text = search_key(" ".join(p for p in parts if p))
        if text != v.search_text:
            Version.objects.filter(pk=v.pk).update(search_text=text)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
