IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AssessmentTypes] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(64) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [TypicalWeeks] int NOT NULL,
        [MinPqeYears] int NOT NULL,
        [RequiredSkill] nvarchar(100) NULL,
        [TypicalHoursLow] int NULL,
        [TypicalHoursHigh] int NULL,
        [Notes] nvarchar(1000) NULL,
        [DisplayOrder] int NOT NULL,
        [AllocateBefore] int NOT NULL,
        [FirstVisitBefore] int NOT NULL,
        [DraftToQaBefore] int NOT NULL,
        [QaCompleteBefore] int NOT NULL,
        [ReleaseBefore] int NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_AssessmentTypes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AuditEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [OccurredAt] datetime2 NOT NULL,
        [UserId] uniqueidentifier NULL,
        [UserRole] nvarchar(32) NULL,
        [AuthorityId] uniqueidentifier NULL,
        [Action] nvarchar(64) NOT NULL,
        [EntityType] nvarchar(64) NULL,
        [EntityId] nvarchar(64) NULL,
        [Detail] nvarchar(1000) NULL,
        [IpAddress] nvarchar(64) NULL,
        CONSTRAINT [PK_AuditEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [Authorities] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [OnsCode] nvarchar(9) NOT NULL,
        [Region] nvarchar(32) NOT NULL,
        [OfstedGrade] nvarchar(32) NOT NULL,
        [OfstedInspectionDate] date NULL,
        [CommissionerApprovesIsw] bit NOT NULL,
        [NonSolicitationMonths] int NOT NULL,
        [WaiversAllowed] bit NOT NULL,
        CONSTRAINT [PK_Authorities] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [IdempotencyRecords] (
        [UserId] uniqueidentifier NOT NULL,
        [Key] nvarchar(200) NOT NULL,
        [Endpoint] nvarchar(200) NOT NULL,
        [RequestHash] nvarchar(64) NOT NULL,
        [StatusCode] int NOT NULL,
        [Location] nvarchar(300) NULL,
        [ResponseBody] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_IdempotencyRecords] PRIMARY KEY ([UserId], [Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [JobEffects] (
        [Key] nvarchar(200) NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_JobEffects] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [AuthorityId] uniqueidentifier NULL,
        [CreatedAt] datetime2 NOT NULL,
        [InvitedAt] datetime2 NULL,
        [IsDisabled] bit NOT NULL,
        [CalendarFeedSecretHash] nvarchar(64) NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [BankHolidayUploads] (
        [Id] uniqueidentifier NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        [UploadedByUserId] uniqueidentifier NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [FirstYear] int NOT NULL,
        [LastYear] int NOT NULL,
        CONSTRAINT [PK_BankHolidayUploads] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BankHolidayUploads_AspNetUsers_UploadedByUserId] FOREIGN KEY ([UploadedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [IswProfiles] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [Phone] nvarchar(32) NULL,
        [SweNumber] nvarchar(16) NOT NULL,
        [QualifiedOn] date NOT NULL,
        [Background] nvarchar(32) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [Suspension] nvarchar(32) NOT NULL,
        [Capacity] int NOT NULL,
        [HomePostcodeDistrict] nvarchar(4) NOT NULL,
        [TravelRadiusMiles] int NOT NULL,
        [HourlyRate] decimal(18,2) NOT NULL,
        [AssessmentTypeCodes] nvarchar(max) NOT NULL,
        [Skills] nvarchar(max) NOT NULL,
        [RegionsCovered] nvarchar(max) NOT NULL,
        [Languages] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [LoadVersion] uniqueidentifier NOT NULL,
        [InformationRequested] nvarchar(2000) NULL,
        [InformationRequestedAt] datetime2 NULL,
        CONSTRAINT [PK_IswProfiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IswProfiles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [NotificationPreferences] (
        [UserId] uniqueidentifier NOT NULL,
        [Category] nvarchar(32) NOT NULL,
        [Delivery] nvarchar(16) NOT NULL,
        CONSTRAINT [PK_NotificationPreferences] PRIMARY KEY ([UserId], [Category]),
        CONSTRAINT [FK_NotificationPreferences_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Category] nvarchar(32) NOT NULL,
        [Text] nvarchar(500) NOT NULL,
        [Link] nvarchar(300) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ReadAt] datetime2 NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Notifications_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [OutboxEmails] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NULL,
        [To] nvarchar(256) NOT NULL,
        [ToName] nvarchar(200) NOT NULL,
        [Subject] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Category] nvarchar(32) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(1000) NULL,
        [GaveUpAt] datetime2 NULL,
        CONSTRAINT [PK_OutboxEmails] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutboxEmails_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [StoredFiles] (
        [Id] uniqueidentifier NOT NULL,
        [OwnerUserId] uniqueidentifier NULL,
        [UploadedByUserId] uniqueidentifier NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        [OriginalName] nvarchar(120) NOT NULL,
        [Kind] nvarchar(16) NOT NULL,
        [Length] bigint NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [StorageKey] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_StoredFiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StoredFiles_AspNetUsers_OwnerUserId] FOREIGN KEY ([OwnerUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StoredFiles_AspNetUsers_UploadedByUserId] FOREIGN KEY ([UploadedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [DirectHireRequests] (
        [Id] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [RequestedOn] date NOT NULL,
        [Notes] nvarchar(2000) NULL,
        [RecordedByUserId] uniqueidentifier NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_DirectHireRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DirectHireRequests_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DirectHireRequests_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DirectHireRequests_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [EmploymentRecords] (
        [Id] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NULL,
        [EmployerName] nvarchar(200) NOT NULL,
        [Role] nvarchar(200) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [StartedOn] date NOT NULL,
        [EndedOn] date NULL,
        CONSTRAINT [PK_EmploymentRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EmploymentRecords_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_EmploymentRecords_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [IswUnavailablePeriods] (
        [Id] int NOT NULL IDENTITY,
        [From] date NOT NULL,
        [Reason] nvarchar(200) NULL,
        [To] date NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_IswUnavailablePeriods] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IswUnavailablePeriods_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [MembershipTransitions] (
        [Id] int NOT NULL IDENTITY,
        [From] nvarchar(32) NOT NULL,
        [To] nvarchar(32) NOT NULL,
        [At] datetime2 NOT NULL,
        [ActorUserId] uniqueidentifier NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_MembershipTransitions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MembershipTransitions_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [PanelApplications] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Answers] nvarchar(max) NOT NULL,
        [StartedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [SubmittedAt] datetime2 NULL,
        [IswProfileId] uniqueidentifier NULL,
        CONSTRAINT [PK_PanelApplications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PanelApplications_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PanelApplications_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [Referees] (
        [Id] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [Organisation] nvarchar(200) NOT NULL,
        [Relationship] nvarchar(200) NOT NULL,
        [FromSocialWorkEmployer] bit NOT NULL,
        [EmploymentEndedOn] date NULL,
        [NamedAt] datetime2 NOT NULL,
        [ReceivedOn] date NULL,
        [ReceivedRecordedByUserId] uniqueidentifier NULL,
        CONSTRAINT [PK_Referees] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Referees_AspNetUsers_ReceivedRecordedByUserId] FOREIGN KEY ([ReceivedRecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Referees_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [VettingRecords] (
        [Id] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [Check] nvarchar(32) NOT NULL,
        [RecordedByUserId] uniqueidentifier NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_VettingRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VettingRecords_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_VettingRecords_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [AssessmentRequests] (
        [Id] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [AssessmentTypeId] uniqueidentifier NOT NULL,
        [CaseReference] nvarchar(64) NOT NULL,
        [ChildInitials] nvarchar(12) NOT NULL,
        [ForCourt] bit NOT NULL,
        [CourtName] nvarchar(200) NULL,
        [CourtCaseNumber] nvarchar(64) NULL,
        [FilingDeadline] date NOT NULL,
        [PostcodeDistrict] nvarchar(4) NOT NULL,
        [Language] nvarchar(64) NULL,
        [InterpreterNeeded] bit NOT NULL,
        [SpecialRequirements] nvarchar(max) NOT NULL,
        [BudgetHours] int NULL,
        [Notes] nvarchar(4000) NULL,
        [LetterOfInstructionFileId] uniqueidentifier NULL,
        [Status] nvarchar(32) NOT NULL,
        [AssignedIswId] uniqueidentifier NULL,
        [AtRisk] bit NOT NULL,
        [ShortfallWorkingDays] int NOT NULL,
        [CreatedByUserId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SubmittedAt] datetime2 NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AssessmentRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssessmentRequests_AspNetUsers_CreatedByUserId] FOREIGN KEY ([CreatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AssessmentRequests_AssessmentTypes_AssessmentTypeId] FOREIGN KEY ([AssessmentTypeId]) REFERENCES [AssessmentTypes] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AssessmentRequests_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AssessmentRequests_IswProfiles_AssignedIswId] FOREIGN KEY ([AssignedIswId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AssessmentRequests_StoredFiles_LetterOfInstructionFileId] FOREIGN KEY ([LetterOfInstructionFileId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [ComplianceDocuments] (
        [Id] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(48) NOT NULL,
        [Reference] nvarchar(64) NULL,
        [IssuedOn] date NULL,
        [ExpiresOn] date NULL,
        [OnUpdateService] bit NOT NULL,
        [StatusCheckedOn] date NULL,
        [StoredFileId] uniqueidentifier NULL,
        [VerifiedAt] datetime2 NULL,
        [VerifiedByUserId] uniqueidentifier NULL,
        CONSTRAINT [PK_ComplianceDocuments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ComplianceDocuments_AspNetUsers_VerifiedByUserId] FOREIGN KEY ([VerifiedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ComplianceDocuments_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ComplianceDocuments_StoredFiles_StoredFileId] FOREIGN KEY ([StoredFileId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [Waivers] (
        [Id] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [GrantedBy] nvarchar(200) NOT NULL,
        [GrantedOn] date NOT NULL,
        [DocumentReference] nvarchar(100) NOT NULL,
        [LetterFileId] uniqueidentifier NULL,
        [RecordedByUserId] uniqueidentifier NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Waivers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Waivers_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Waivers_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Waivers_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Waivers_StoredFiles_LetterFileId] FOREIGN KEY ([LetterFileId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [DirectHireSupplyPeriods] (
        [Id] int NOT NULL IDENTITY,
        [StartedOn] date NOT NULL,
        [EndedOn] date NULL,
        [DirectHireRequestId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_DirectHireSupplyPeriods] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DirectHireSupplyPeriods_DirectHireRequests_DirectHireRequestId] FOREIGN KEY ([DirectHireRequestId]) REFERENCES [DirectHireRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [Offers] (
        [Id] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [SentByUserId] uniqueidentifier NOT NULL,
        [SentAt] datetime2 NOT NULL,
        [RespondWithinWorkingDays] int NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [Cascade] bit NOT NULL,
        [Status] nvarchar(16) NOT NULL,
        [RespondedAt] datetime2 NULL,
        [DeclineReason] nvarchar(1000) NULL,
        CONSTRAINT [PK_Offers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Offers_AspNetUsers_SentByUserId] FOREIGN KEY ([SentByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Offers_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Offers_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [RequestEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [At] datetime2 NOT NULL,
        [ActorUserId] uniqueidentifier NULL,
        [What] nvarchar(500) NOT NULL,
        CONSTRAINT [PK_RequestEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RequestEvents_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [RequestMilestones] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(64) NOT NULL,
        [Due] date NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_RequestMilestones] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RequestMilestones_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [RequestParties] (
        [Id] int NOT NULL IDENTITY,
        [Role] nvarchar(64) NOT NULL,
        [Initials] nvarchar(12) NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_RequestParties] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RequestParties_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE TABLE [Assignments] (
        [Id] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [OfferId] uniqueidentifier NOT NULL,
        [AcceptedAt] datetime2 NOT NULL,
        [IsActive] bit NOT NULL,
        [EndedAt] datetime2 NULL,
        [EndReason] nvarchar(500) NULL,
        [CommissionerApprovedAt] datetime2 NULL,
        [CommissionerApprovedByUserId] uniqueidentifier NULL,
        CONSTRAINT [PK_Assignments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Assignments_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Assignments_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Assignments_Offers_OfferId] FOREIGN KEY ([OfferId]) REFERENCES [Offers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_AuthorityId] ON [AspNetUsers] ([AuthorityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_AssessmentTypeId] ON [AssessmentRequests] ([AssessmentTypeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_AssignedIswId] ON [AssessmentRequests] ([AssignedIswId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_AuthorityId_CaseReference] ON [AssessmentRequests] ([AuthorityId], [CaseReference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_AuthorityId_CreatedAt] ON [AssessmentRequests] ([AuthorityId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_CreatedByUserId] ON [AssessmentRequests] ([CreatedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_LetterOfInstructionFileId] ON [AssessmentRequests] ([LetterOfInstructionFileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_Status_CreatedAt] ON [AssessmentRequests] ([Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentTypes_Code] ON [AssessmentTypes] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Assignments_IswProfileId_IsActive] ON [Assignments] ([IswProfileId], [IsActive]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Assignments_OfferId] ON [Assignments] ([OfferId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Assignments_OneActivePerRequest] ON [Assignments] ([AssessmentRequestId]) WHERE [IsActive] = 1');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_EntityType_EntityId] ON [AuditEvents] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_OccurredAt] ON [AuditEvents] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_UserId_OccurredAt] ON [AuditEvents] ([UserId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Authorities_Name] ON [Authorities] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Authorities_OnsCode] ON [Authorities] ([OnsCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_BankHolidayUploads_UploadedAt] ON [BankHolidayUploads] ([UploadedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_BankHolidayUploads_UploadedByUserId] ON [BankHolidayUploads] ([UploadedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ComplianceDocuments_IswProfileId_Kind] ON [ComplianceDocuments] ([IswProfileId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_ComplianceDocuments_Kind_ExpiresOn] ON [ComplianceDocuments] ([Kind], [ExpiresOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_ComplianceDocuments_StoredFileId] ON [ComplianceDocuments] ([StoredFileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_ComplianceDocuments_VerifiedByUserId] ON [ComplianceDocuments] ([VerifiedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectHireRequests_AuthorityId] ON [DirectHireRequests] ([AuthorityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectHireRequests_IswProfileId] ON [DirectHireRequests] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectHireRequests_RecordedByUserId] ON [DirectHireRequests] ([RecordedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectHireSupplyPeriods_DirectHireRequestId] ON [DirectHireSupplyPeriods] ([DirectHireRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_EmploymentRecords_AuthorityId] ON [EmploymentRecords] ([AuthorityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_EmploymentRecords_IswProfileId] ON [EmploymentRecords] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_IdempotencyRecords_CreatedAt] ON [IdempotencyRecords] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_IswProfiles_Status] ON [IswProfiles] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IswProfiles_SweNumber] ON [IswProfiles] ([SweNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IswProfiles_UserId] ON [IswProfiles] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_IswUnavailablePeriods_IswProfileId] ON [IswUnavailablePeriods] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_MembershipTransitions_IswProfileId_At] ON [MembershipTransitions] ([IswProfileId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_CreatedAt] ON [Notifications] ([UserId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Offers_AssessmentRequestId_Status] ON [Offers] ([AssessmentRequestId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Offers_IswProfileId_Status] ON [Offers] ([IswProfileId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Offers_SentByUserId] ON [Offers] ([SentByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Offers_Status_ExpiresAt] ON [Offers] ([Status], [ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxEmails_SentAt_GaveUpAt] ON [OutboxEmails] ([SentAt], [GaveUpAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxEmails_UserId] ON [OutboxEmails] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_PanelApplications_IswProfileId] ON [PanelApplications] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PanelApplications_UserId] ON [PanelApplications] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Referees_IswProfileId] ON [Referees] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Referees_ReceivedRecordedByUserId] ON [Referees] ([ReceivedRecordedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_RequestEvents_AssessmentRequestId_At] ON [RequestEvents] ([AssessmentRequestId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_RequestMilestones_AssessmentRequestId] ON [RequestMilestones] ([AssessmentRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_RequestParties_AssessmentRequestId] ON [RequestParties] ([AssessmentRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_StoredFiles_OwnerUserId] ON [StoredFiles] ([OwnerUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StoredFiles_StorageKey] ON [StoredFiles] ([StorageKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_StoredFiles_UploadedByUserId] ON [StoredFiles] ([UploadedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_VettingRecords_IswProfileId] ON [VettingRecords] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_VettingRecords_RecordedByUserId] ON [VettingRecords] ([RecordedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Waivers_AuthorityId] ON [Waivers] ([AuthorityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Waivers_IswProfileId] ON [Waivers] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Waivers_LetterFileId] ON [Waivers] ([LetterFileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    CREATE INDEX [IX_Waivers_RecordedByUserId] ON [Waivers] ([RecordedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201145740_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201145740_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    ALTER TABLE [AuditEvents] ADD [SubjectAuthorityId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    ALTER TABLE [AssessmentTypes] ADD [RetentionYears] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [PurgedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [PurgedByUserId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [RetainUntil] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    CREATE TABLE [UserSessions] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [LastSeenAt] datetime2 NOT NULL,
        [EndedAt] datetime2 NULL,
        [EndReason] nvarchar(32) NULL,
        [IpAddress] nvarchar(64) NULL,
        [UserAgent] nvarchar(200) NULL,
        CONSTRAINT [PK_UserSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UserSessions_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_SubjectAuthorityId_OccurredAt] ON [AuditEvents] ([SubjectAuthorityId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    CREATE INDEX [IX_UserSessions_UserId_EndedAt] ON [UserSessions] ([UserId], [EndedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    EXEC(N'CREATE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 51000, ''The audit trail is append-only.'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201161426_SessionsAuditRetention'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201161426_SessionsAuditRetention', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    ALTER TABLE [Assignments] ADD [HourlyRate] decimal(18,2) NOT NULL DEFAULT 0.0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    ALTER TABLE [AssessmentTypes] ADD [RequiresSecondReviewer] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [ClosedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [ReleasedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [ReleasedReportVersionId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [WorkingDaysLate] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE TABLE [AssessmentFeedback] (
        [Id] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [QualityRating] int NOT NULL,
        [TimelinessRating] int NOT NULL,
        [CommunicationRating] int NOT NULL,
        [Comment] nvarchar(2000) NULL,
        [GivenAt] datetime2 NOT NULL,
        [GivenByUserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AssessmentFeedback] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssessmentFeedback_AspNetUsers_GivenByUserId] FOREIGN KEY ([GivenByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AssessmentFeedback_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AssessmentFeedback_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE TABLE [ReportVersions] (
        [Id] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [AssignmentId] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [StoredFileId] uniqueidentifier NOT NULL,
        [NoteToReviewer] nvarchar(2000) NULL,
        [SubmittedAt] datetime2 NOT NULL,
        [SubmittedByUserId] uniqueidentifier NOT NULL,
        [Status] nvarchar(16) NOT NULL,
        [DecidedAt] datetime2 NULL,
        [ReleasedAt] datetime2 NULL,
        CONSTRAINT [PK_ReportVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportVersions_AspNetUsers_SubmittedByUserId] FOREIGN KEY ([SubmittedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ReportVersions_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ReportVersions_Assignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [Assignments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ReportVersions_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ReportVersions_StoredFiles_StoredFileId] FOREIGN KEY ([StoredFileId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE TABLE [RubricCriteria] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(1000) NULL,
        [DisplayOrder] int NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_RubricCriteria] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE TABLE [WorkLogEntries] (
        [Id] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [AssignmentId] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [DurationMinutes] int NOT NULL,
        [WhoSeen] nvarchar(200) NULL,
        [TravelMinutes] int NOT NULL,
        [MileageMiles] decimal(7,1) NOT NULL,
        [Notes] nvarchar(1000) NULL,
        [LoggedAt] datetime2 NOT NULL,
        [Approval] nvarchar(32) NOT NULL,
        [ApprovalDecidedAt] datetime2 NULL,
        [ApprovalDecidedByUserId] uniqueidentifier NULL,
        [ApprovalNote] nvarchar(1000) NULL,
        CONSTRAINT [PK_WorkLogEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkLogEntries_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_WorkLogEntries_Assignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [Assignments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_WorkLogEntries_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE TABLE [QaReviews] (
        [Id] uniqueidentifier NOT NULL,
        [ReportVersionId] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [ReviewerUserId] uniqueidentifier NOT NULL,
        [Decision] nvarchar(16) NOT NULL,
        [Summary] nvarchar(4000) NULL,
        [VersionSubmittedAt] datetime2 NOT NULL,
        [DecidedAt] datetime2 NOT NULL,
        [TurnaroundMinutes] int NOT NULL,
        [TurnaroundWorkingDays] int NOT NULL,
        CONSTRAINT [PK_QaReviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QaReviews_AspNetUsers_ReviewerUserId] FOREIGN KEY ([ReviewerUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_QaReviews_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_QaReviews_ReportVersions_ReportVersionId] FOREIGN KEY ([ReportVersionId]) REFERENCES [ReportVersions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE TABLE [QaReviewScores] (
        [Id] int NOT NULL IDENTITY,
        [CriterionId] uniqueidentifier NOT NULL,
        [CriterionName] nvarchar(200) NOT NULL,
        [Score] int NOT NULL,
        [Comment] nvarchar(2000) NULL,
        [QaReviewId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_QaReviewScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QaReviewScores_QaReviews_QaReviewId] FOREIGN KEY ([QaReviewId]) REFERENCES [QaReviews] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentFeedback_AssessmentRequestId] ON [AssessmentFeedback] ([AssessmentRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_AssessmentFeedback_GivenByUserId] ON [AssessmentFeedback] ([GivenByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_AssessmentFeedback_IswProfileId] ON [AssessmentFeedback] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_QaReviews_AssessmentRequestId_DecidedAt] ON [QaReviews] ([AssessmentRequestId], [DecidedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_QaReviews_DecidedAt] ON [QaReviews] ([DecidedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE UNIQUE INDEX [IX_QaReviews_ReportVersionId_ReviewerUserId] ON [QaReviews] ([ReportVersionId], [ReviewerUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_QaReviews_ReviewerUserId] ON [QaReviews] ([ReviewerUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_QaReviewScores_QaReviewId] ON [QaReviewScores] ([QaReviewId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReportVersions_AssessmentRequestId_Number] ON [ReportVersions] ([AssessmentRequestId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_ReportVersions_AssignmentId] ON [ReportVersions] ([AssignmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_ReportVersions_IswProfileId] ON [ReportVersions] ([IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_ReportVersions_Status_SubmittedAt] ON [ReportVersions] ([Status], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_ReportVersions_StoredFileId] ON [ReportVersions] ([StoredFileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_ReportVersions_SubmittedByUserId] ON [ReportVersions] ([SubmittedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_WorkLogEntries_AssessmentRequestId_Date] ON [WorkLogEntries] ([AssessmentRequestId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_WorkLogEntries_AssignmentId] ON [WorkLogEntries] ([AssignmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    CREATE INDEX [IX_WorkLogEntries_IswProfileId_Date] ON [WorkLogEntries] ([IswProfileId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201162312_AssessmentWork'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201162312_AssessmentWork', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    ALTER TABLE [Authorities] ADD [MaxShadowersPerSession] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    ALTER TABLE [AssessmentRequests] ADD [LateReason] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE TABLE [EvidencePlans] (
        [Id] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [PeriodFrom] date NOT NULL,
        [PeriodTo] date NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [SavedAt] datetime2 NOT NULL,
        [SavedByUserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_EvidencePlans] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EvidencePlans_AspNetUsers_SavedByUserId] FOREIGN KEY ([SavedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_EvidencePlans_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE TABLE [Shadowers] (
        [Id] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [Role] int NOT NULL,
        [WorkEmail] nvarchar(254) NOT NULL,
        [SocialWorkEnglandNumber] nvarchar(20) NULL,
        [StaffSince] date NOT NULL,
        [LeftOn] date NULL,
        [RecordedAt] datetime2 NOT NULL,
        [RecordedByUserId] uniqueidentifier NOT NULL,
        [ConfirmedApplicantProfileId] uniqueidentifier NULL,
        CONSTRAINT [PK_Shadowers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Shadowers_AspNetUsers_RecordedByUserId] FOREIGN KEY ([RecordedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Shadowers_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Shadowers_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Shadowers_IswProfiles_ConfirmedApplicantProfileId] FOREIGN KEY ([ConfirmedApplicantProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE TABLE [ShadowingNominations] (
        [Id] uniqueidentifier NOT NULL,
        [ShadowerId] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [AssignmentId] uniqueidentifier NOT NULL,
        [IswProfileId] uniqueidentifier NOT NULL,
        [HopesToLearn] nvarchar(2000) NOT NULL,
        [NominatedAt] datetime2 NOT NULL,
        [NominatedByUserId] uniqueidentifier NOT NULL,
        [Status] int NOT NULL,
        [DecidedAt] datetime2 NULL,
        [DeclineReason] nvarchar(1000) NULL,
        [Consent] int NOT NULL,
        [ConsentDate] date NULL,
        [ConsentRecordedAt] datetime2 NULL,
        CONSTRAINT [PK_ShadowingNominations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ShadowingNominations_AspNetUsers_NominatedByUserId] FOREIGN KEY ([NominatedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowingNominations_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ShadowingNominations_Assignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [Assignments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowingNominations_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowingNominations_IswProfiles_IswProfileId] FOREIGN KEY ([IswProfileId]) REFERENCES [IswProfiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowingNominations_Shadowers_ShadowerId] FOREIGN KEY ([ShadowerId]) REFERENCES [Shadowers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE TABLE [ShadowedSessions] (
        [Id] uniqueidentifier NOT NULL,
        [NominationId] uniqueidentifier NOT NULL,
        [ShadowerId] uniqueidentifier NOT NULL,
        [AuthorityId] uniqueidentifier NOT NULL,
        [AssessmentRequestId] uniqueidentifier NOT NULL,
        [WorkLogEntryId] uniqueidentifier NOT NULL,
        [Seat] int NOT NULL,
        [SessionDate] date NOT NULL,
        [Minutes] int NOT NULL,
        [MarkedAt] datetime2 NOT NULL,
        [Reflection] nvarchar(4000) NULL,
        [ReflectedAt] datetime2 NULL,
        [IswComment] nvarchar(2000) NULL,
        [IswCommentedAt] datetime2 NULL,
        CONSTRAINT [PK_ShadowedSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ShadowedSessions_AssessmentRequests_AssessmentRequestId] FOREIGN KEY ([AssessmentRequestId]) REFERENCES [AssessmentRequests] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowedSessions_Authorities_AuthorityId] FOREIGN KEY ([AuthorityId]) REFERENCES [Authorities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowedSessions_Shadowers_ShadowerId] FOREIGN KEY ([ShadowerId]) REFERENCES [Shadowers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShadowedSessions_ShadowingNominations_NominationId] FOREIGN KEY ([NominationId]) REFERENCES [ShadowingNominations] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ShadowedSessions_WorkLogEntries_WorkLogEntryId] FOREIGN KEY ([WorkLogEntryId]) REFERENCES [WorkLogEntries] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvidencePlans_AuthorityId_PeriodFrom_PeriodTo] ON [EvidencePlans] ([AuthorityId], [PeriodFrom], [PeriodTo]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_EvidencePlans_SavedByUserId] ON [EvidencePlans] ([SavedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowedSessions_AssessmentRequestId] ON [ShadowedSessions] ([AssessmentRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowedSessions_AuthorityId_SessionDate] ON [ShadowedSessions] ([AuthorityId], [SessionDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowedSessions_NominationId] ON [ShadowedSessions] ([NominationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowedSessions_ShadowerId_SessionDate] ON [ShadowedSessions] ([ShadowerId], [SessionDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ShadowedSessions_WorkLogEntryId_Seat] ON [ShadowedSessions] ([WorkLogEntryId], [Seat]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ShadowedSessions_WorkLogEntryId_ShadowerId] ON [ShadowedSessions] ([WorkLogEntryId], [ShadowerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Shadowers_AuthorityId_WorkEmail] ON [Shadowers] ([AuthorityId], [WorkEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_Shadowers_ConfirmedApplicantProfileId] ON [Shadowers] ([ConfirmedApplicantProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_Shadowers_RecordedByUserId] ON [Shadowers] ([RecordedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_Shadowers_SocialWorkEnglandNumber] ON [Shadowers] ([SocialWorkEnglandNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Shadowers_UserId] ON [Shadowers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowingNominations_AssessmentRequestId] ON [ShadowingNominations] ([AssessmentRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ShadowingNominations_AssignmentId_ShadowerId] ON [ShadowingNominations] ([AssignmentId], [ShadowerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowingNominations_AuthorityId] ON [ShadowingNominations] ([AuthorityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowingNominations_IswProfileId_Status] ON [ShadowingNominations] ([IswProfileId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowingNominations_NominatedByUserId] ON [ShadowingNominations] ([NominatedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    CREATE INDEX [IX_ShadowingNominations_ShadowerId] ON [ShadowingNominations] ([ShadowerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201191734_ShadowingAndEvidencePlans'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201191734_ShadowingAndEvidencePlans', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201220937_ShadowedSessionRole'
)
BEGIN
    ALTER TABLE [ShadowedSessions] ADD [Role] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201220937_ShadowedSessionRole'
)
BEGIN
    UPDATE [ShadowedSessions] SET [Role] = (SELECT [Role] FROM [Shadowers] WHERE [Shadowers].[Id] = [ShadowedSessions].[ShadowerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201220937_ShadowedSessionRole'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201220937_ShadowedSessionRole', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234401_RequestListKeysetIndexes'
)
BEGIN
    DROP INDEX [IX_AssessmentRequests_AuthorityId_CreatedAt] ON [AssessmentRequests];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234401_RequestListKeysetIndexes'
)
BEGIN
    DROP INDEX [IX_AssessmentRequests_Status_CreatedAt] ON [AssessmentRequests];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234401_RequestListKeysetIndexes'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_AuthorityId_CreatedAt_Id] ON [AssessmentRequests] ([AuthorityId], [CreatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234401_RequestListKeysetIndexes'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_CreatedAt_Id] ON [AssessmentRequests] ([CreatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234401_RequestListKeysetIndexes'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_Status_CreatedAt_Id] ON [AssessmentRequests] ([Status], [CreatedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201234401_RequestListKeysetIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201234401_RequestListKeysetIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    DROP INDEX [IX_ReportVersions_IswProfileId] ON [ReportVersions];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    DROP INDEX [IX_QaReviewScores_QaReviewId] ON [QaReviewScores];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    DROP INDEX [IX_AssessmentRequests_AssignedIswId] ON [AssessmentRequests];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    CREATE INDEX [IX_ReportVersions_IswProfileId_Id] ON [ReportVersions] ([IswProfileId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    CREATE INDEX [IX_QaReviewScores_QaReviewId_Score] ON [QaReviewScores] ([QaReviewId], [Score]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    CREATE INDEX [IX_Assignments_AssessmentRequestId_IswProfileId] ON [Assignments] ([AssessmentRequestId], [IswProfileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    CREATE INDEX [IX_AssessmentRequests_AssignedIswId_Delivery] ON [AssessmentRequests] ([AssignedIswId], [Status], [ReleasedAt], [WorkingDaysLate], [ReleasedReportVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202012119_CoveringMeasureIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202012119_CoveringMeasureIndexes', N'10.0.15');
END;

COMMIT;
GO

