"""URLs of this bounded context (filled in by its views)."""

app_name = "dossiers"

urlpatterns: list = []
