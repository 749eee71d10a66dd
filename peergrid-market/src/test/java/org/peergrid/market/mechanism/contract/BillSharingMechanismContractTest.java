package org.peergrid.market.mechanism.contract;

class BillSharingMechanismContractTest extends AbstractMechanismContractTest {}
