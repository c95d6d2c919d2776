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
    "AllocateBefore" INTEGER NOT NULL,
    "FirstVisitBefore" INTEGER NOT NULL,
    "DraftToQaBefore" INTEGER NOT NULL,
    "QaCompleteBefore" INTEGER NOT NULL,
    "ReleaseBefore" INTEGER NOT NULL,
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

CREATE TABLE "IdempotencyRecords" (
    "UserId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Endpoint" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "ResponseBody" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("UserId", "Key")
);

CREATE TABLE "JobEffects" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_JobEffects" PRIMARY KEY,
    "At" TEXT NOT NULL
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
    "CalendarFeedSecretHash" TEXT NULL,
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

CREATE TABLE "BankHolidayUploads" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BankHolidayUploads" PRIMARY KEY,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "FirstYear" INTEGER NOT NULL,
    "LastYear" INTEGER NOT NULL,
    CONSTRAINT "FK_BankHolidayUploads_AspNetUsers_UploadedByUserId" FOREIGN KEY ("UploadedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IswProfiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IswProfiles" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "SweNumber" TEXT NOT NULL,
    "QualifiedOn" TEXT NOT NULL,
    "Background" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Suspension" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "HomePostcodeDistrict" TEXT NOT NULL,
    "TravelRadiusMiles" INTEGER NOT NULL,
    "HourlyRate" TEXT NOT NULL,
    "AssessmentTypeCodes" TEXT NOT NULL,
    "Skills" TEXT NOT NULL,
    "RegionsCovered" TEXT NOT NULL,
    "Languages" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LoadVersion" TEXT NOT NULL,
    "InformationRequested" TEXT NULL,
    "InformationRequestedAt" TEXT NULL,
    CONSTRAINT "FK_IswProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NotificationPreferences" (
    "UserId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Delivery" TEXT NOT NULL,
    CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Category"),
    CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OutboxEmails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxEmails" PRIMARY KEY,
    "UserId" TEXT NULL,
    "To" TEXT NOT NULL,
    "ToName" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "GaveUpAt" TEXT NULL,
    CONSTRAINT "FK_OutboxEmails_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "StoredFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StoredFiles" PRIMARY KEY,
    "OwnerUserId" TEXT NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "OriginalName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    CONSTRAINT "FK_StoredFiles_AspNetUsers_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StoredFiles_AspNetUsers_UploadedByUserId" FOREIGN KEY ("UploadedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DirectHireRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DirectHireRequests" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "AuthorityId" TEXT NOT NULL,
    "RequestedOn" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DirectHireRequests_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DirectHireRequests_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DirectHireRequests_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
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

CREATE TABLE "IswUnavailablePeriods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IswUnavailablePeriods" PRIMARY KEY AUTOINCREMENT,
    "From" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "To" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    CONSTRAINT "FK_IswUnavailablePeriods_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MembershipTransitions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MembershipTransitions" PRIMARY KEY AUTOINCREMENT,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    CONSTRAINT "FK_MembershipTransitions_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PanelApplications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PanelApplications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Answers" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "IswProfileId" TEXT NULL,
    CONSTRAINT "FK_PanelApplications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PanelApplications_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Referees" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Referees" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Organisation" TEXT NOT NULL,
    "Relationship" TEXT NOT NULL,
    "FromSocialWorkEmployer" INTEGER NOT NULL,
    "EmploymentEndedOn" TEXT NULL,
    "NamedAt" TEXT NOT NULL,
    "ReceivedOn" TEXT NULL,
    "ReceivedRecordedByUserId" TEXT NULL,
    CONSTRAINT "FK_Referees_AspNetUsers_ReceivedRecordedByUserId" FOREIGN KEY ("ReceivedRecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Referees_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "VettingRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VettingRecords" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "Check" TEXT NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_VettingRecords_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VettingRecords_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentRequests" PRIMARY KEY,
    "AuthorityId" TEXT NOT NULL,
    "AssessmentTypeId" TEXT NOT NULL,
    "CaseReference" TEXT NOT NULL,
    "ChildInitials" TEXT NOT NULL,
    "ForCourt" INTEGER NOT NULL,
    "CourtName" TEXT NULL,
    "CourtCaseNumber" TEXT NULL,
    "FilingDeadline" TEXT NOT NULL,
    "PostcodeDistrict" TEXT NOT NULL,
    "Language" TEXT NULL,
    "InterpreterNeeded" INTEGER NOT NULL,
    "SpecialRequirements" TEXT NOT NULL,
    "BudgetHours" INTEGER NULL,
    "Notes" TEXT NULL,
    "LetterOfInstructionFileId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "AssignedIswId" TEXT NULL,
    "AtRisk" INTEGER NOT NULL,
    "ShortfallWorkingDays" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentRequests_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_AssessmentTypes_AssessmentTypeId" FOREIGN KEY ("AssessmentTypeId") REFERENCES "AssessmentTypes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_IswProfiles_AssignedIswId" FOREIGN KEY ("AssignedIswId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentRequests_StoredFiles_LetterOfInstructionFileId" FOREIGN KEY ("LetterOfInstructionFileId") REFERENCES "StoredFiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ComplianceDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ComplianceDocuments" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "ExpiresOn" TEXT NULL,
    "OnUpdateService" INTEGER NOT NULL,
    "StatusCheckedOn" TEXT NULL,
    "StoredFileId" TEXT NULL,
    "VerifiedAt" TEXT NULL,
    "VerifiedByUserId" TEXT NULL,
    CONSTRAINT "FK_ComplianceDocuments_AspNetUsers_VerifiedByUserId" FOREIGN KEY ("VerifiedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ComplianceDocuments_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ComplianceDocuments_StoredFiles_StoredFileId" FOREIGN KEY ("StoredFileId") REFERENCES "StoredFiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Waivers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Waivers" PRIMARY KEY,
    "IswProfileId" TEXT NOT NULL,
    "AuthorityId" TEXT NOT NULL,
    "GrantedBy" TEXT NOT NULL,
    "GrantedOn" TEXT NOT NULL,
    "DocumentReference" TEXT NOT NULL,
    "LetterFileId" TEXT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Waivers_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Waivers_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Waivers_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Waivers_StoredFiles_LetterFileId" FOREIGN KEY ("LetterFileId") REFERENCES "StoredFiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DirectHireSupplyPeriods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectHireSupplyPeriods" PRIMARY KEY AUTOINCREMENT,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "DirectHireRequestId" TEXT NOT NULL,
    CONSTRAINT "FK_DirectHireSupplyPeriods_DirectHireRequests_DirectHireRequestId" FOREIGN KEY ("DirectHireRequestId") REFERENCES "DirectHireRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Offers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Offers" PRIMARY KEY,
    "AssessmentRequestId" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    "SentByUserId" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    "RespondWithinWorkingDays" INTEGER NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "Cascade" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "RespondedAt" TEXT NULL,
    "DeclineReason" TEXT NULL,
    CONSTRAINT "FK_Offers_AspNetUsers_SentByUserId" FOREIGN KEY ("SentByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Offers_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Offers_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RequestEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RequestEvents" PRIMARY KEY AUTOINCREMENT,
    "AssessmentRequestId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "What" TEXT NOT NULL,
    CONSTRAINT "FK_RequestEvents_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RequestMilestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RequestMilestones" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Due" TEXT NOT NULL,
    "AssessmentRequestId" TEXT NOT NULL,
    CONSTRAINT "FK_RequestMilestones_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RequestParties" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RequestParties" PRIMARY KEY AUTOINCREMENT,
    "Role" TEXT NOT NULL,
    "Initials" TEXT NOT NULL,
    "AssessmentRequestId" TEXT NOT NULL,
    CONSTRAINT "FK_RequestParties_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Assignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Assignments" PRIMARY KEY,
    "AssessmentRequestId" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    "OfferId" TEXT NOT NULL,
    "AcceptedAt" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "EndedAt" TEXT NULL,
    "EndReason" TEXT NULL,
    "CommissionerApprovedAt" TEXT NULL,
    "CommissionerApprovedByUserId" TEXT NULL,
    CONSTRAINT "FK_Assignments_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Assignments_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assignments_Offers_OfferId" FOREIGN KEY ("OfferId") REFERENCES "Offers" ("Id") ON DELETE RESTRICT
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

CREATE INDEX "IX_AssessmentRequests_AuthorityId_CaseReference" ON "AssessmentRequests" ("AuthorityId", "CaseReference");

CREATE INDEX "IX_AssessmentRequests_AuthorityId_CreatedAt" ON "AssessmentRequests" ("AuthorityId", "CreatedAt");

CREATE INDEX "IX_AssessmentRequests_CreatedByUserId" ON "AssessmentRequests" ("CreatedByUserId");

CREATE INDEX "IX_AssessmentRequests_LetterOfInstructionFileId" ON "AssessmentRequests" ("LetterOfInstructionFileId");

CREATE INDEX "IX_AssessmentRequests_Status_CreatedAt" ON "AssessmentRequests" ("Status", "CreatedAt");

CREATE UNIQUE INDEX "IX_AssessmentTypes_Code" ON "AssessmentTypes" ("Code");

CREATE INDEX "IX_Assignments_IswProfileId_IsActive" ON "Assignments" ("IswProfileId", "IsActive");

CREATE INDEX "IX_Assignments_OfferId" ON "Assignments" ("OfferId");

CREATE UNIQUE INDEX "IX_Assignments_OneActivePerRequest" ON "Assignments" ("AssessmentRequestId") WHERE "IsActive" = 1;

CREATE INDEX "IX_AuditEvents_EntityType_EntityId" ON "AuditEvents" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE INDEX "IX_AuditEvents_UserId_OccurredAt" ON "AuditEvents" ("UserId", "OccurredAt");

CREATE UNIQUE INDEX "IX_Authorities_Name" ON "Authorities" ("Name");

CREATE UNIQUE INDEX "IX_Authorities_OnsCode" ON "Authorities" ("OnsCode");

CREATE INDEX "IX_BankHolidayUploads_UploadedAt" ON "BankHolidayUploads" ("UploadedAt");

CREATE INDEX "IX_BankHolidayUploads_UploadedByUserId" ON "BankHolidayUploads" ("UploadedByUserId");

CREATE UNIQUE INDEX "IX_ComplianceDocuments_IswProfileId_Kind" ON "ComplianceDocuments" ("IswProfileId", "Kind");

CREATE INDEX "IX_ComplianceDocuments_Kind_ExpiresOn" ON "ComplianceDocuments" ("Kind", "ExpiresOn");

CREATE INDEX "IX_ComplianceDocuments_StoredFileId" ON "ComplianceDocuments" ("StoredFileId");

CREATE INDEX "IX_ComplianceDocuments_VerifiedByUserId" ON "ComplianceDocuments" ("VerifiedByUserId");

CREATE INDEX "IX_DirectHireRequests_AuthorityId" ON "DirectHireRequests" ("AuthorityId");

CREATE INDEX "IX_DirectHireRequests_IswProfileId" ON "DirectHireRequests" ("IswProfileId");

CREATE INDEX "IX_DirectHireRequests_RecordedByUserId" ON "DirectHireRequests" ("RecordedByUserId");

CREATE INDEX "IX_DirectHireSupplyPeriods_DirectHireRequestId" ON "DirectHireSupplyPeriods" ("DirectHireRequestId");

CREATE INDEX "IX_EmploymentRecords_AuthorityId" ON "EmploymentRecords" ("AuthorityId");

CREATE INDEX "IX_EmploymentRecords_IswProfileId" ON "EmploymentRecords" ("IswProfileId");

CREATE INDEX "IX_IdempotencyRecords_CreatedAt" ON "IdempotencyRecords" ("CreatedAt");

CREATE INDEX "IX_IswProfiles_Status" ON "IswProfiles" ("Status");

CREATE UNIQUE INDEX "IX_IswProfiles_SweNumber" ON "IswProfiles" ("SweNumber");

CREATE UNIQUE INDEX "IX_IswProfiles_UserId" ON "IswProfiles" ("UserId");

CREATE INDEX "IX_IswUnavailablePeriods_IswProfileId" ON "IswUnavailablePeriods" ("IswProfileId");

CREATE INDEX "IX_MembershipTransitions_IswProfileId_At" ON "MembershipTransitions" ("IswProfileId", "At");

CREATE INDEX "IX_Notifications_UserId_CreatedAt" ON "Notifications" ("UserId", "CreatedAt");

CREATE INDEX "IX_Offers_AssessmentRequestId_Status" ON "Offers" ("AssessmentRequestId", "Status");

CREATE INDEX "IX_Offers_IswProfileId_Status" ON "Offers" ("IswProfileId", "Status");

CREATE INDEX "IX_Offers_SentByUserId" ON "Offers" ("SentByUserId");

CREATE INDEX "IX_Offers_Status_ExpiresAt" ON "Offers" ("Status", "ExpiresAt");

CREATE INDEX "IX_OutboxEmails_SentAt_GaveUpAt" ON "OutboxEmails" ("SentAt", "GaveUpAt");

CREATE INDEX "IX_OutboxEmails_UserId" ON "OutboxEmails" ("UserId");

CREATE INDEX "IX_PanelApplications_IswProfileId" ON "PanelApplications" ("IswProfileId");

CREATE UNIQUE INDEX "IX_PanelApplications_UserId" ON "PanelApplications" ("UserId");

CREATE INDEX "IX_Referees_IswProfileId" ON "Referees" ("IswProfileId");

CREATE INDEX "IX_Referees_ReceivedRecordedByUserId" ON "Referees" ("ReceivedRecordedByUserId");

CREATE INDEX "IX_RequestEvents_AssessmentRequestId_At" ON "RequestEvents" ("AssessmentRequestId", "At");

CREATE INDEX "IX_RequestMilestones_AssessmentRequestId" ON "RequestMilestones" ("AssessmentRequestId");

CREATE INDEX "IX_RequestParties_AssessmentRequestId" ON "RequestParties" ("AssessmentRequestId");

CREATE INDEX "IX_StoredFiles_OwnerUserId" ON "StoredFiles" ("OwnerUserId");

CREATE UNIQUE INDEX "IX_StoredFiles_StorageKey" ON "StoredFiles" ("StorageKey");

CREATE INDEX "IX_StoredFiles_UploadedByUserId" ON "StoredFiles" ("UploadedByUserId");

CREATE INDEX "IX_VettingRecords_IswProfileId" ON "VettingRecords" ("IswProfileId");

CREATE INDEX "IX_VettingRecords_RecordedByUserId" ON "VettingRecords" ("RecordedByUserId");

CREATE INDEX "IX_Waivers_AuthorityId" ON "Waivers" ("AuthorityId");

CREATE INDEX "IX_Waivers_IswProfileId" ON "Waivers" ("IswProfileId");

CREATE INDEX "IX_Waivers_LetterFileId" ON "Waivers" ("LetterFileId");

CREATE INDEX "IX_Waivers_RecordedByUserId" ON "Waivers" ("RecordedByUserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201145729_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AuditEvents" ADD "SubjectAuthorityId" TEXT NULL;

ALTER TABLE "AssessmentTypes" ADD "RetentionYears" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AssessmentRequests" ADD "PurgedAt" TEXT NULL;

ALTER TABLE "AssessmentRequests" ADD "PurgedByUserId" TEXT NULL;

ALTER TABLE "AssessmentRequests" ADD "RetainUntil" TEXT NULL;

CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "EndReason" TEXT NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" TEXT NULL,
    CONSTRAINT "FK_UserSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEvents_SubjectAuthorityId_OccurredAt" ON "AuditEvents" ("SubjectAuthorityId", "OccurredAt");

CREATE INDEX "IX_UserSessions_UserId_EndedAt" ON "UserSessions" ("UserId", "EndedAt");

CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;

CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201161416_SessionsAuditRetention', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Assignments" ADD "HourlyRate" TEXT NOT NULL DEFAULT '0.0';

ALTER TABLE "AssessmentTypes" ADD "RequiresSecondReviewer" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AssessmentRequests" ADD "ClosedAt" TEXT NULL;

ALTER TABLE "AssessmentRequests" ADD "ReleasedAt" TEXT NULL;

ALTER TABLE "AssessmentRequests" ADD "ReleasedReportVersionId" TEXT NULL;

ALTER TABLE "AssessmentRequests" ADD "WorkingDaysLate" INTEGER NULL;

CREATE TABLE "AssessmentFeedback" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentFeedback" PRIMARY KEY,
    "AssessmentRequestId" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    "QualityRating" INTEGER NOT NULL,
    "TimelinessRating" INTEGER NOT NULL,
    "CommunicationRating" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "GivenAt" TEXT NOT NULL,
    "GivenByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentFeedback_AspNetUsers_GivenByUserId" FOREIGN KEY ("GivenByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssessmentFeedback_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssessmentFeedback_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReportVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReportVersions" PRIMARY KEY,
    "AssessmentRequestId" TEXT NOT NULL,
    "AssignmentId" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "StoredFileId" TEXT NOT NULL,
    "NoteToReviewer" TEXT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedByUserId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "ReleasedAt" TEXT NULL,
    CONSTRAINT "FK_ReportVersions_AspNetUsers_SubmittedByUserId" FOREIGN KEY ("SubmittedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportVersions_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportVersions_Assignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "Assignments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportVersions_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportVersions_StoredFiles_StoredFileId" FOREIGN KEY ("StoredFileId") REFERENCES "StoredFiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RubricCriteria" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RubricCriteria" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "DisplayOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE TABLE "WorkLogEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkLogEntries" PRIMARY KEY,
    "AssessmentRequestId" TEXT NOT NULL,
    "AssignmentId" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DurationMinutes" INTEGER NOT NULL,
    "WhoSeen" TEXT NULL,
    "TravelMinutes" INTEGER NOT NULL,
    "MileageMiles" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "LoggedAt" TEXT NOT NULL,
    "Approval" TEXT NOT NULL,
    "ApprovalDecidedAt" TEXT NULL,
    "ApprovalDecidedByUserId" TEXT NULL,
    "ApprovalNote" TEXT NULL,
    CONSTRAINT "FK_WorkLogEntries_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WorkLogEntries_Assignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "Assignments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkLogEntries_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "QaReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_QaReviews" PRIMARY KEY,
    "ReportVersionId" TEXT NOT NULL,
    "AssessmentRequestId" TEXT NOT NULL,
    "ReviewerUserId" TEXT NOT NULL,
    "Decision" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "VersionSubmittedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NOT NULL,
    "TurnaroundMinutes" INTEGER NOT NULL,
    "TurnaroundWorkingDays" INTEGER NOT NULL,
    CONSTRAINT "FK_QaReviews_AspNetUsers_ReviewerUserId" FOREIGN KEY ("ReviewerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_QaReviews_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_QaReviews_ReportVersions_ReportVersionId" FOREIGN KEY ("ReportVersionId") REFERENCES "ReportVersions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "QaReviewScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QaReviewScores" PRIMARY KEY AUTOINCREMENT,
    "CriterionId" TEXT NOT NULL,
    "CriterionName" TEXT NOT NULL,
    "Score" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "QaReviewId" TEXT NOT NULL,
    CONSTRAINT "FK_QaReviewScores_QaReviews_QaReviewId" FOREIGN KEY ("QaReviewId") REFERENCES "QaReviews" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AssessmentFeedback_AssessmentRequestId" ON "AssessmentFeedback" ("AssessmentRequestId");

CREATE INDEX "IX_AssessmentFeedback_GivenByUserId" ON "AssessmentFeedback" ("GivenByUserId");

CREATE INDEX "IX_AssessmentFeedback_IswProfileId" ON "AssessmentFeedback" ("IswProfileId");

CREATE INDEX "IX_QaReviews_AssessmentRequestId_DecidedAt" ON "QaReviews" ("AssessmentRequestId", "DecidedAt");

CREATE INDEX "IX_QaReviews_DecidedAt" ON "QaReviews" ("DecidedAt");

CREATE UNIQUE INDEX "IX_QaReviews_ReportVersionId_ReviewerUserId" ON "QaReviews" ("ReportVersionId", "ReviewerUserId");

CREATE INDEX "IX_QaReviews_ReviewerUserId" ON "QaReviews" ("ReviewerUserId");

CREATE INDEX "IX_QaReviewScores_QaReviewId" ON "QaReviewScores" ("QaReviewId");

CREATE UNIQUE INDEX "IX_ReportVersions_AssessmentRequestId_Number" ON "ReportVersions" ("AssessmentRequestId", "Number");

CREATE INDEX "IX_ReportVersions_AssignmentId" ON "ReportVersions" ("AssignmentId");

CREATE INDEX "IX_ReportVersions_IswProfileId" ON "ReportVersions" ("IswProfileId");

CREATE INDEX "IX_ReportVersions_Status_SubmittedAt" ON "ReportVersions" ("Status", "SubmittedAt");

CREATE INDEX "IX_ReportVersions_StoredFileId" ON "ReportVersions" ("StoredFileId");

CREATE INDEX "IX_ReportVersions_SubmittedByUserId" ON "ReportVersions" ("SubmittedByUserId");

CREATE INDEX "IX_WorkLogEntries_AssessmentRequestId_Date" ON "WorkLogEntries" ("AssessmentRequestId", "Date");

CREATE INDEX "IX_WorkLogEntries_AssignmentId" ON "WorkLogEntries" ("AssignmentId");

CREATE INDEX "IX_WorkLogEntries_IswProfileId_Date" ON "WorkLogEntries" ("IswProfileId", "Date");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201162303_AssessmentWork', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Authorities" ADD "MaxShadowersPerSession" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "AssessmentRequests" ADD "LateReason" TEXT NULL;

CREATE TABLE "EvidencePlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidencePlans" PRIMARY KEY,
    "AuthorityId" TEXT NOT NULL,
    "PeriodFrom" TEXT NOT NULL,
    "PeriodTo" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_EvidencePlans_AspNetUsers_SavedByUserId" FOREIGN KEY ("SavedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EvidencePlans_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Shadowers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Shadowers" PRIMARY KEY,
    "AuthorityId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "WorkEmail" TEXT NOT NULL,
    "SocialWorkEnglandNumber" TEXT NULL,
    "StaffSince" TEXT NOT NULL,
    "LeftOn" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "ConfirmedApplicantProfileId" TEXT NULL,
    CONSTRAINT "FK_Shadowers_AspNetUsers_RecordedByUserId" FOREIGN KEY ("RecordedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Shadowers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Shadowers_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Shadowers_IswProfiles_ConfirmedApplicantProfileId" FOREIGN KEY ("ConfirmedApplicantProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE SET NULL
);

CREATE TABLE "ShadowingNominations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ShadowingNominations" PRIMARY KEY,
    "ShadowerId" TEXT NOT NULL,
    "AuthorityId" TEXT NOT NULL,
    "AssessmentRequestId" TEXT NOT NULL,
    "AssignmentId" TEXT NOT NULL,
    "IswProfileId" TEXT NOT NULL,
    "HopesToLearn" TEXT NOT NULL,
    "NominatedAt" TEXT NOT NULL,
    "NominatedByUserId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "DecidedAt" TEXT NULL,
    "DeclineReason" TEXT NULL,
    "Consent" INTEGER NOT NULL,
    "ConsentDate" TEXT NULL,
    "ConsentRecordedAt" TEXT NULL,
    CONSTRAINT "FK_ShadowingNominations_AspNetUsers_NominatedByUserId" FOREIGN KEY ("NominatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowingNominations_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ShadowingNominations_Assignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "Assignments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowingNominations_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowingNominations_IswProfiles_IswProfileId" FOREIGN KEY ("IswProfileId") REFERENCES "IswProfiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowingNominations_Shadowers_ShadowerId" FOREIGN KEY ("ShadowerId") REFERENCES "Shadowers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ShadowedSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ShadowedSessions" PRIMARY KEY,
    "NominationId" TEXT NOT NULL,
    "ShadowerId" TEXT NOT NULL,
    "AuthorityId" TEXT NOT NULL,
    "AssessmentRequestId" TEXT NOT NULL,
    "WorkLogEntryId" TEXT NOT NULL,
    "Seat" INTEGER NOT NULL,
    "SessionDate" TEXT NOT NULL,
    "Minutes" INTEGER NOT NULL,
    "MarkedAt" TEXT NOT NULL,
    "Reflection" TEXT NULL,
    "ReflectedAt" TEXT NULL,
    "IswComment" TEXT NULL,
    "IswCommentedAt" TEXT NULL,
    CONSTRAINT "FK_ShadowedSessions_AssessmentRequests_AssessmentRequestId" FOREIGN KEY ("AssessmentRequestId") REFERENCES "AssessmentRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowedSessions_Authorities_AuthorityId" FOREIGN KEY ("AuthorityId") REFERENCES "Authorities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowedSessions_Shadowers_ShadowerId" FOREIGN KEY ("ShadowerId") REFERENCES "Shadowers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ShadowedSessions_ShadowingNominations_NominationId" FOREIGN KEY ("NominationId") REFERENCES "ShadowingNominations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ShadowedSessions_WorkLogEntries_WorkLogEntryId" FOREIGN KEY ("WorkLogEntryId") REFERENCES "WorkLogEntries" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_EvidencePlans_AuthorityId_PeriodFrom_PeriodTo" ON "EvidencePlans" ("AuthorityId", "PeriodFrom", "PeriodTo");

CREATE INDEX "IX_EvidencePlans_SavedByUserId" ON "EvidencePlans" ("SavedByUserId");

CREATE INDEX "IX_ShadowedSessions_AssessmentRequestId" ON "ShadowedSessions" ("AssessmentRequestId");

CREATE INDEX "IX_ShadowedSessions_AuthorityId_SessionDate" ON "ShadowedSessions" ("AuthorityId", "SessionDate");

CREATE INDEX "IX_ShadowedSessions_NominationId" ON "ShadowedSessions" ("NominationId");

CREATE INDEX "IX_ShadowedSessions_ShadowerId_SessionDate" ON "ShadowedSessions" ("ShadowerId", "SessionDate");

CREATE UNIQUE INDEX "IX_ShadowedSessions_WorkLogEntryId_Seat" ON "ShadowedSessions" ("WorkLogEntryId", "Seat");

CREATE UNIQUE INDEX "IX_ShadowedSessions_WorkLogEntryId_ShadowerId" ON "ShadowedSessions" ("WorkLogEntryId", "ShadowerId");

CREATE UNIQUE INDEX "IX_Shadowers_AuthorityId_WorkEmail" ON "Shadowers" ("AuthorityId", "WorkEmail");

CREATE INDEX "IX_Shadowers_ConfirmedApplicantProfileId" ON "Shadowers" ("ConfirmedApplicantProfileId");

CREATE INDEX "IX_Shadowers_RecordedByUserId" ON "Shadowers" ("RecordedByUserId");

CREATE INDEX "IX_Shadowers_SocialWorkEnglandNumber" ON "Shadowers" ("SocialWorkEnglandNumber");

CREATE UNIQUE INDEX "IX_Shadowers_UserId" ON "Shadowers" ("UserId");

CREATE INDEX "IX_ShadowingNominations_AssessmentRequestId" ON "ShadowingNominations" ("AssessmentRequestId");

CREATE UNIQUE INDEX "IX_ShadowingNominations_AssignmentId_ShadowerId" ON "ShadowingNominations" ("AssignmentId", "ShadowerId");

CREATE INDEX "IX_ShadowingNominations_AuthorityId" ON "ShadowingNominations" ("AuthorityId");

CREATE INDEX "IX_ShadowingNominations_IswProfileId_Status" ON "ShadowingNominations" ("IswProfileId", "Status");

CREATE INDEX "IX_ShadowingNominations_NominatedByUserId" ON "ShadowingNominations" ("NominatedByUserId");

CREATE INDEX "IX_ShadowingNominations_ShadowerId" ON "ShadowingNominations" ("ShadowerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201191722_ShadowingAndEvidencePlans', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ShadowedSessions" ADD "Role" INTEGER NOT NULL DEFAULT 0;

UPDATE "ShadowedSessions" SET "Role" = (SELECT "Role" FROM "Shadowers" WHERE "Shadowers"."Id" = "ShadowedSessions"."ShadowerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201220921_ShadowedSessionRole', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_AssessmentRequests_AuthorityId_CreatedAt";

DROP INDEX "IX_AssessmentRequests_Status_CreatedAt";

CREATE INDEX "IX_AssessmentRequests_AuthorityId_CreatedAt_Id" ON "AssessmentRequests" ("AuthorityId", "CreatedAt", "Id");

CREATE INDEX "IX_AssessmentRequests_CreatedAt_Id" ON "AssessmentRequests" ("CreatedAt", "Id");

CREATE INDEX "IX_AssessmentRequests_Status_CreatedAt_Id" ON "AssessmentRequests" ("Status", "CreatedAt", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201234338_RequestListKeysetIndexes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_ReportVersions_IswProfileId";

DROP INDEX "IX_QaReviewScores_QaReviewId";

DROP INDEX "IX_AssessmentRequests_AssignedIswId";

CREATE INDEX "IX_ReportVersions_IswProfileId_Id" ON "ReportVersions" ("IswProfileId", "Id");

CREATE INDEX "IX_QaReviewScores_QaReviewId_Score" ON "QaReviewScores" ("QaReviewId", "Score");

CREATE INDEX "IX_Assignments_AssessmentRequestId_IswProfileId" ON "Assignments" ("AssessmentRequestId", "IswProfileId");

CREATE INDEX "IX_AssessmentRequests_AssignedIswId_Delivery" ON "AssessmentRequests" ("AssignedIswId", "Status", "ReleasedAt", "WorkingDaysLate", "ReleasedReportVersionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202012102_CoveringMeasureIndexes', '10.0.15');

COMMIT;

