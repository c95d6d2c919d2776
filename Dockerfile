# syntax=docker/dockerfile:1
#
# IswPanel as a container: one process serving pages, the API and background jobs on port 8080.
#
#   docker build -t iswpanel .
#   docker run -p 8080:8080 -v iswpanel-data:/app/data iswpanel                 # SQLite in the volume
#   docker run -p 8080:8080 -e Database__Provider=PostgreSql \
#     -e ConnectionStrings__IswPanel="Host=db;Database=iswpanel;Username=iswpanel;Password=..." iswpanel
#
# Configuration comes from environment variables (a double underscore stands for ':' in appsettings.json):
#   Database__Provider          Sqlite (default), SqlServer or PostgreSql.
#   ConnectionStrings__IswPanel The database connection string. Required for SqlServer and PostgreSql; with
#                               Sqlite, leave it unset to use /app/data/iswpanel.db.
#   Database__DataDirectory     Where SQLite files, uploaded documents and dropped emails live (/app/data, a volume).
#   Database__ApplyMigrationsOnStart  true (default) migrates at start; false if a DBA applies db/scripts instead.
#   Smtp__Host, Smtp__Port, Smtp__Username, Smtp__Password, Smtp__FromAddress
#                               Outgoing mail; with no host, emails are written as .eml files under the data directory.
# The app speaks plain HTTP: put it behind a proxy or load balancer that terminates TLS.

# Node.js for the client-asset build (sass needs Node >= 20.19, newer than the SDK image's distribution offers).
FROM --platform=$BUILDPLATFORM node:22-bookworm-slim AS node

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /src

# Restore first, from the project files only, so a code change does not download packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/IswPanel.Domain/IswPanel.Domain.csproj src/IswPanel.Domain/
COPY src/IswPanel.Data/IswPanel.Data.csproj src/IswPanel.Data/
COPY src/IswPanel.Web/IswPanel.Web.csproj src/IswPanel.Web/
COPY db/IswPanel.Migrations.Sqlite/IswPanel.Migrations.Sqlite.csproj db/IswPanel.Migrations.Sqlite/
COPY db/IswPanel.Migrations.SqlServer/IswPanel.Migrations.SqlServer.csproj db/IswPanel.Migrations.SqlServer/
COPY db/IswPanel.Migrations.PostgreSql/IswPanel.Migrations.PostgreSql.csproj db/IswPanel.Migrations.PostgreSql/
RUN dotnet restore src/IswPanel.Web/IswPanel.Web.csproj

# The npm packages, likewise cached until package.json or package-lock.json change. The stamp tells the
# NpmInstall target in IswPanel.Web.csproj that this is done; its NpmBuild target then compiles the Sass.
COPY src/IswPanel.Web/package.json src/IswPanel.Web/package-lock.json src/IswPanel.Web/
RUN cd src/IswPanel.Web \
    && npm ci --no-audit --no-fund --ignore-scripts \
    && touch node_modules/.install-stamp

# .editorconfig carries the analyser settings the build enforces (warnings are errors).
COPY .editorconfig ./
COPY src/ src/
COPY db/ db/
RUN dotnet publish src/IswPanel.Web/IswPanel.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false \
    && test -f /app/wwwroot/css/app.css \
    && test -f /app/wwwroot/lib/govuk-frontend/govuk-frontend.min.js

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
# curl only for HEALTHCHECK: the base image has neither curl nor wget. fonts-liberation gives PDFsharp its font
# (Liberation Sans, found under /usr/share/fonts; Pdf__FontDirectory points elsewhere): the base image has no fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The data directory belongs to the image's non-root user (app, UID $APP_UID = 1654); mount a volume here.
RUN mkdir -p /app/data && chown "$APP_UID:$APP_UID" /app/data
VOLUME /app/data

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Database__Provider=Sqlite \
    Database__DataDirectory=/app/data
EXPOSE 8080
USER $APP_UID

# Liveness only: /health/ready also checks the database (and pending migrations); point a load balancer's
# readiness probe at it instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "IswPanel.Web.dll"]
