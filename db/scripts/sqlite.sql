CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AssessmentTypes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentTypes" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TypicalWeeks" INTEGER NOT NULL,
    "MinPqeYears" INTEGER NOT NULL,
    "RequiredSkill" TEXT NULL,
    "TypicalHoursLow" INTEGER NULL,
    "TypicalHoursHigh" INTEGER NULL,
    "Notes" TEXT NULL,
    "DisplayOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE TABLE "AuditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY AUTOINCREMENT,
    "OccurredAt" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserRole" TEXT NULL,
    "AuthorityId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "Detail" TEXT NULL,
    "IpAddress" TEXT NULL
);

CREATE TABLE "Authorities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Authorities" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "OnsCode" TEXT NOT NULL,
    "Region" TEXT NOT NULL,
    "OfstedGrade" TEXT NOT NULL,
    "OfstedInspectionDate" TEXT NULL,
    "CommissionerApprovesIsw" INTEGER NOT NULL,
    "NonSolicitationMonths" INTEGER NOT NULL,
    "WaiversAllowed" INTEGER NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "AuthorityId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "InvitedAt" TEXT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IswProfiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IswProfiles" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "SweNumber" TEXT NOT NULL,
    "QualifiedOn" TEXT NOT NULL,
    "Background" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "HomePostcodeDistrict" TEXT NOT NULL,
    "TravelRadiusMiles" INTEGER NOT NULL,
    "HourlyRate" TEXT NOT NULL,
    "AssessmentTypeCodes" TEXT NOT NULL,
    "Skills" TEXT NOT NULL,
    "RegionsCovered" TEXT NOT NULL,
    "Languages" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IswProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AssessmentRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentRequests" PRIMARY KEY,
    "AuthorityId" TEXT NOT NULL,
    "AssessmentTypeId" TEXT NOT NULL,
    "CaseReference" TEXT NOT NULL,
    "ChildInitials" TEXT NOT NULL,
    "FilingDeadline" TEXT NOT NULL,
    "PostcodeDistrict" TEXT NOT NULL,
    "CourtCaseNumber" TEXT NULL,
    "Language" TEXT NULL,
    "BudgetHours" INTEGER NULL,
    "Notes" TEXT NULL,
    "Status" TEXT NOT NULL,
    "AssignedIswId" TEXT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentRequests_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_AssessmentTypes_AssessmentTypeId" FOREIGN KEY ("AssessmentTypeId") REFERENCES "AssessmentTypes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_IswProfiles_AssignedIswId" FOREIGN KEY ("AssignedIswId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ComplianceDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ComplianceDocuments" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "ExpiresOn" TEXT NULL,
    "OnUpdateService" INTEGER NOT NULL,
    "VerifiedAt" TEXT NULL,
    "VerifiedByUserId" TEXT NULL,
    CONSTRAINT "FK_ComplianceDocuments_AspNetUsers_VerifiedByUserId" FOREIGN KEY ("VerifiedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ComplianceDocuments_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EmploymentRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmploymentRecords" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "AuthorityId" TEXT NULL,
    "EmployerName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    CONSTRAINT "FK_EmploymentRecords_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmploymentRecords_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_AuthorityId" ON "AspNetUsers" ("AuthorityId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AssessmentRequests_AssessmentTypeId" ON "AssessmentRequests" ("AssessmentTypeId");

CREATE INDEX "IX_AssessmentRequests_AssignedIswId" ON "AssessmentRequests" ("AssignedIswId");

CREATE INDEX "IX_AssessmentRequests_AuthorityId_CreatedAt" ON "AssessmentRequests" ("AuthorityId", "CreatedAt");

CREATE INDEX "IX_AssessmentRequests_CreatedByUserId" ON "AssessmentRequests" ("CreatedByUserId");

CREATE INDEX "IX_AssessmentRequests_Status_CreatedAt" ON "AssessmentRequests" ("Status", "CreatedAt");

CREATE UNIQUE INDEX "IX_AssessmentTypes_Code" ON "AssessmentTypes" ("Code");

CREATE INDEX "IX_AuditEvents_EntityType_EntityId" ON "AuditEvents" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE INDEX "IX_AuditEvents_UserId_OccurredAt" ON "AuditEvents" ("UserId", "OccurredAt");

CREATE UNIQUE INDEX "IX_Authorities_Name" ON "Authorities" ("Name");

CREATE UNIQUE INDEX "IX_Authorities_OnsCode" ON "Authorities" ("OnsCode");

CREATE INDEX "IX_ComplianceDocuments_IswProfileId" ON "ComplianceDocuments" ("IswProfileId");

CREATE INDEX "IX_ComplianceDocuments_Kind_ExpiresOn" ON "ComplianceDocuments" ("Kind", "ExpiresOn");

CREATE INDEX "IX_ComplianceDocuments_VerifiedByUserId" ON "ComplianceDocuments" ("VerifiedByUserId");

CREATE INDEX "IX_EmploymentRecords_AuthorityId" ON "EmploymentRecords" ("AuthorityId");

CREATE INDEX "IX_EmploymentRecords_IswProfileId" ON "EmploymentRecords" ("IswProfileId");

CREATE INDEX "IX_IswProfiles_Status" ON "IswProfiles" ("Status");

CREATE UNIQUE INDEX "IX_IswProfiles_SweNumber" ON "IswProfiles" ("SweNumber");

CREATE UNIQUE INDEX "IX_IswProfiles_UserId" ON "IswProfiles" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201130611_Initial', '10.0.15');

COMMIT;

