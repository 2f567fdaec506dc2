"""Indexes for the worklist tabs (one status, most urgent first) and the "newest received"
sort: measured by bench/bench_worklist.py on 1,000,000 dossiers."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(fields=["status", "due_at", "id"], name="dossier_status_due_idx"),
        ),
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(fields=["received_at", "id"], name="dossier_received_idx"),
        ),
    ]
