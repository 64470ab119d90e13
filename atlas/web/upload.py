"""A web form to add one article: pasted text or an uploaded file, through the same ingest path as the CLI.

Flask-WTF supplies the CSRF token (the form changes the store, so a page elsewhere must not be able to post to it);
Flask's MAX_CONTENT_LENGTH refuses oversized bodies before they are read, and the readers check type and size again.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import URL, Length, Optional

from atlas.ingest import parallel
from atlas.ingest.analysis import shared_analyser, shared_catalog
from atlas.ingest.batch import ingest_paths
from atlas.ingest.readers import SUPPORTED
from atlas.store.write import StoreWriter
from atlas.web import db

bp = Blueprint("upload", __name__)


class ArticleForm(FlaskForm):
    text = TextAreaField("Article text", validators=[Optional()])
    file = FileField("or a file", validators=[FileAllowed([s.lstrip(".") for s in SUPPORTED],
                                                          f"Accepted file types: {', '.join(SUPPORTED)}")])
    title = StringField("Title", validators=[Optional(), Length(max=300)])
    outlet = StringField("Outlet", validators=[Optional(), Length(max=200)])
    url = StringField("URL", validators=[Optional(), URL(require_tld=False), Length(max=2000)])
    published = DateField("Published", validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if bool(self.text.data and self.text.data.strip()) == bool(self.file.data):
            self.text.errors.append("Paste the text or choose a file (one of the two).")
            return False
        return True


@bp.route("/add", methods=["GET", "POST"])
def add_article():
    form = ArticleForm()
    if not form.validate_on_submit():
        return render_template("add.html", form=form), 400 if form.is_submitted() else 200
    writer = StoreWriter(db.engine())
    max_bytes = current_app.config["INGEST_MAX_BYTES"]
    with tempfile.TemporaryDirectory() as folder:
        if form.file.data:
            suffix = Path(form.file.data.filename or "").suffix.lower()
            path = Path(folder) / f"upload{suffix}"  # the user's file name never reaches the file system
            form.file.data.save(path)
        else:  # pasted text becomes a .json input, so it takes exactly the path an uploaded file would
            path = Path(folder) / "pasted.json"
            path.write_text(json.dumps(_pasted_article(form)), encoding="utf-8")
        report = ingest_paths([path], writer, parallel.InProcess(shared_analyser(current_app)), max_bytes,
                              progress=False, places=shared_catalog(current_app))
    for problem in report.problems:
        flash(f"Not stored: {problem.reason}", "error")
    if report.stored:
        flash(f"Stored {report.stored} article(s) with {report.mentions} place mention(s).", "info")
    elif report.duplicates:
        flash("This article was already in the store.", "info")
    return redirect(url_for("upload.add_article"))


def _pasted_article(form: ArticleForm) -> dict:
    item = {"text": form.text.data, "title": form.title.data, "outlet": form.outlet.data, "url": form.url.data,
            "published": form.published.data.isoformat() if form.published.data else None}
    return {key: value for key, value in item.items() if value}
