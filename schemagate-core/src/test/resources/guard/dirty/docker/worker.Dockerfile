FROM flyway/flyway:10
COPY sql /flyway/sql
ENTRYPOINT flyway \
    -url=jdbc:postgresql://db/app -user=app -password=s3cret \
    migrate
