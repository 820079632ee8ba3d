-- Run once by the postgres image on an empty data volume: one database per service.
CREATE DATABASE client_service;
CREATE DATABASE billing_service;
CREATE DATABASE followup_service;
