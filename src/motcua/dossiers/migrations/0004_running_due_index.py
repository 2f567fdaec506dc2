"""Partial index for the "quá hạn" and "sắp đến hạn" worklist tabs: dossiers whose clock runs
(received, processing) by due instant. On 1,000,000 dossiers (bench/bench_worklist.py) the
"quá hạn" page's rows query went from 2.8 s (a scan of the whole due_at index, mostly closed
dossiers) to 5 ms."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0003_dossier_result")]

    operations = [
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(
                condition=models.Q(("status__in", [2, 4])),
                fields=["due_at", "id"],
                name="dossier_running_due_idx",
            ),
        ),
    ]
