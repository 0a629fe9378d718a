plugins {
    id("org.springframework.boot") version "3.3.0"
    id("org.liquibase.gradle") version "2.2.0"
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-jdbc")
    // implementation("org.flywaydb:flyway-core")
    implementation("org.liquibase:liquibase-core:4.29.0")
    testImplementation("org.flywaydb:flyway-core")
}
