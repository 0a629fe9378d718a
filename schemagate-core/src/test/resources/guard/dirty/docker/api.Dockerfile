FROM python:3.12-slim
COPY docker/entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]
CMD ["gunicorn", "app:app"]
