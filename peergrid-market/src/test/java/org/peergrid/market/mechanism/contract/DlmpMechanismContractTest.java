package org.peergrid.market.mechanism.contract;

class DlmpMechanismContractTest extends AbstractMechanismContractTest {}
